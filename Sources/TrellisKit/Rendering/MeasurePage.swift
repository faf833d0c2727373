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
        let series = MeasureSeries(measure)
        context["hasBaseline"] = series.baseline != nil
        context["rows"] = series.rows.map { row -> [String: Any] in
            [
                "period": row.period,
                "baseline": row.baseline.map { site.value($0, unit: measure.unit) } ?? "",
                "actual": row.actual.map { site.value($0, unit: measure.unit) } ?? "",
                "target": row.target.map { site.value($0, unit: measure.unit) } ?? "",
                "rating": row.rating?.rawValue ?? "",
                "ratingWords": row.actual == nil || row.target == nil ? "" : row.rating?.words ?? "",
            ]
        }
        let text = ChartText(measureTitle: document.title, code: measure.code, series: series, status: status) { site.value($0, unit: measure.unit) }
        let chart = MeasureChart(series: series, text: text, unit: measure.unit,
                                 number: { site.value($0, unit: nil) }, value: { site.value($0, unit: measure.unit) })
        if let svg = chart.svg(id: "section-chart") { context["chart"] = svg }
        context["data"] = DataLinks.view(forPath: "measures/", site: site) { URLPath.relative(from: from, to: $0) }
        let relations = site.relations
        context["usedByPriorities"] = (relations.prioritiesByMeasure[document.id] ?? []).compactMap { site.priorityLink($0, from: from) }
        context["usedByPartnerships"] = site.links(.partnership, relations.partnershipsByMeasure[document.id] ?? [], from: from)
        context["usedByFrameworks"] = site.links(.framework, relations.frameworksByMeasure[document.id] ?? [], from: from)
        return context
    }
}
