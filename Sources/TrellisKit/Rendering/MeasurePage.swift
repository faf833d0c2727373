/// What a measure's page adds: its definition, its numbers period by period, RAG and direction.
struct MeasurePage {
    let site: SiteContext

    /// The measure's part of its page's view data.
    func context(_ document: Document, _ measure: Measure) -> [String: Any] {
        let from = document.sitePath
        let status = MeasureStatus(measure)
        var context: [String: Any] = [
            "code": measure.code ?? "", "definition": measure.definition ?? "", "source": measure.source ?? "",
            "unit": measure.unit ?? "",
            "rating": status.rating.rawValue, "ratingWords": status.rating.words,
            "direction": status.direction.rawValue, "directionWords": status.direction.words,
        ]
        switch measure.polarity?.value {
        case "higher-is-better": context["polarity"] = "Higher is better"
        case "lower-is-better": context["polarity"] = "Lower is better"
        default: break
        }
        if let baseline = measure.baseline {
            context["baseline"] = ["period": baseline.period, "value": site.value(baseline, unit: measure.unit)]
        }
        if let latest = status.latest {
            context["latest"] = ["period": latest.period, "value": site.value(latest, unit: measure.unit)]
        }
        if let target = status.target { context["target"] = ["period": target.period, "value": site.value(target, unit: measure.unit)] }
        var periods: [String] = []
        for point in measure.actuals + measure.targets where !periods.contains(point.period) { periods.append(point.period) }
        periods.sort()
        context["rows"] = periods.map { period -> [String: Any] in
            let actual = measure.actuals.last { $0.period == period }
            let target = measure.targets.last { $0.period == period }
            let lowerIsBetter = measure.polarity?.value == "lower-is-better"
            let rating = MeasureStatus.rate(actual: actual?.value, target: target?.value, lowerIsBetter: lowerIsBetter)
            return [
                "period": period,
                "actual": actual.map { site.value($0, unit: measure.unit) } ?? "",
                "target": target.map { site.value($0, unit: measure.unit) } ?? "",
                "rating": actual == nil ? "" : rating.rawValue,
                "ratingWords": actual == nil || target == nil ? "" : rating.words,
            ]
        }
        let relations = site.relations
        context["usedByPriorities"] = (relations.prioritiesByMeasure[document.id] ?? []).compactMap { site.priorityLink($0, from: from) }
        context["usedByPartnerships"] = site.links(.partnership, relations.partnershipsByMeasure[document.id] ?? [], from: from)
        context["usedByFrameworks"] = site.links(.framework, relations.frameworksByMeasure[document.id] ?? [], from: from)
        return context
    }
}
