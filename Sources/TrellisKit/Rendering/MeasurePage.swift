/// What a measure's page adds: its definition, its numbers period by period, RAG and direction.
struct MeasurePage {
    let site: SiteContext

    /// The measure's part of its page's view data.
    func context(_ document: Document, _ measure: Measure) -> TemplateFields {
        let from = document.sitePath
        let status = MeasureStatus(measure)
        func value(_ point: DataPoint) -> String { site.value(point, unit: measure.unit) }
        func point(_ point: DataPoint) -> TemplateValue { ["period": TemplateValue(point.period), "value": TemplateValue(value(point))] }
        var context: TemplateFields = [
            "code": TemplateValue(measure.code ?? ""), "definition": TemplateValue(measure.definition ?? ""), "source": TemplateValue(measure.source ?? ""),
            "unit": TemplateValue(measure.unit ?? ""),
            "rating": TemplateValue(status.rating.rawValue), "ratingWords": TemplateValue(status.rating.words),
            "direction": TemplateValue(status.direction.rawValue), "directionWords": TemplateValue(status.direction.words),
        ]
        switch measure.polarity?.value {
        case "higher-is-better": context["polarity"] = "Higher is better"
        case "lower-is-better": context["polarity"] = "Lower is better"
        default: break
        }
        if let baseline = measure.baseline { context["baseline"] = point(baseline) }
        if let latest = status.latest { context["latest"] = point(latest) }
        if let target = status.target { context["target"] = point(target) }
        let series = MeasureSeries(measure)
        context["hasBaseline"] = .bool(series.baseline != nil)
        context["rows"] = TemplateValue(series.rows.map { row -> TemplateFields in
            [
                "period": TemplateValue(row.period),
                "baseline": TemplateValue(row.baseline.map(value) ?? ""),
                "actual": TemplateValue(row.actual.map(value) ?? ""),
                "target": TemplateValue(row.target.map(value) ?? ""),
                "rating": TemplateValue(row.rating?.rawValue ?? ""),
                "ratingWords": TemplateValue(row.actual == nil || row.target == nil ? "" : row.rating?.words ?? ""),
            ]
        })
        let text = ChartText(measureTitle: document.title, code: measure.code, series: series, status: status, value: value)
        let chart = MeasureChart(series: series, text: text, unit: measure.unit,
                                 number: { site.value($0, unit: nil) }, value: value)
        if let svg = chart.svg(id: "section-chart") { context["chart"] = TemplateValue(svg) }
        context["data"] = DataLinks.view(forPath: "measures/", site: site) { URLPath.relative(from: from, to: $0) }
        let relations = site.relations
        context["usedByPriorities"] = TemplateValue((relations.prioritiesByMeasure[document.id] ?? []).compactMap { site.priorityLink($0, from: from) })
        context["usedByPartnerships"] = TemplateValue(site.links(.partnership, relations.partnershipsByMeasure[document.id] ?? [], from: from))
        context["usedByFrameworks"] = TemplateValue(site.links(.framework, relations.frameworksByMeasure[document.id] ?? [], from: from))
        return context
    }
}
