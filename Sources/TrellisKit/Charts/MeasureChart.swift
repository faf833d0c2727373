/// A measure's chart as inline SVG, drawn at build time: actuals as a solid line with round
/// markers, targets dashed with square markers, the baseline dotted, value and period axes
/// labelled with the unit. Line style and marker shape tell the series apart as well as colour
/// (every colour is at least 4.5:1 on white), and no `style` attribute is used, so a strict
/// Content-Security-Policy leaves it intact. The viewBox scales it to any width.
struct MeasureChart {
    static let width = 320.0, height = 220.0
    /// Text size in viewBox units, and the width of an average character at that size.
    static let fontSize = 14.0, charWidth = 7.84
    static let actualColour = "#1d4f91", targetColour = "#505a5f", baselineColour = "#6f777b", textColour = "#0b0c0c"

    let series: MeasureSeries
    let text: ChartText
    let unit: String?
    /// A value as the tables write it without its unit ("1,204"; "5.5").
    let number: (DataPoint) -> String
    /// A value with its unit ("5.5%").
    let value: (DataPoint) -> String

    private var isPercent: Bool { ["percent", "%", "percentage", "per cent"].contains(unit?.lowercased() ?? "") }

    /// The value axis's title, naming the unit.
    var axisTitle: String {
        switch unit?.lowercased() {
        case _ where isPercent: "Per cent (%)"
        case nil, "", "count", "number": "Number"
        case let other?: other.capitalizedFirst
        }
    }

    /// The `<svg>` element; nil when the measure has no values at all. `id` prefixes the ids of
    /// its title and description, which label it.
    func svg(id: String) -> String? {
        let rows = series.rows
        guard !rows.isEmpty else { return nil }
        let (width, height) = (Self.width, Self.height)
        let scale = ChartScale(values: series.values)
        let ticks = scale.ticks.map { tick -> (Double, String) in
            let shown = number(DataPoint(period: "", value: tick, written: scale.written(tick)))
            return (tick, isPercent ? shown + "%" : shown)
        }
        let left = max(28, Double(ticks.map(\.1.count).max() ?? 1) * Self.charWidth + 10), right = 10.0
        let top = 50.0, bottom = height - 44
        let band = (width - left - right) / Double(rows.count)
        func x(_ index: Int) -> Double { left + (Double(index) + 0.5) * band }
        func y(_ value: Double) -> Double { scale.position(value, bottom: bottom, top: top) }
        let c = ChartScale.coordinate

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" height=\"\(c(height))\""
        svg += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" focusable=\"false\" font-size=\"\(c(Self.fontSize))\" fill=\"\(Self.textColour)\">"
        svg += "<title id=\"\(id)-title\">\(HTML.escape(text.title))</title><desc id=\"\(id)-desc\">\(HTML.escape(text.description))</desc>"
        svg += legend()
        svg += "<text class=\"chart-axis-title\" x=\"0\" y=\"38\">\(HTML.escape(axisTitle))</text>"
        svg += "<g class=\"chart-grid\" stroke=\"#c9cccd\" stroke-width=\"1\">"
        for (tick, _) in ticks { svg += "<line x1=\"\(c(left))\" x2=\"\(c(width - right))\" y1=\"\(c(y(tick)))\" y2=\"\(c(y(tick)))\"/>" }
        svg += "</g><g class=\"chart-axis\">"
        for (tick, label) in ticks { svg += "<text x=\"\(c(left - 6))\" y=\"\(c(y(tick) + 4.5))\" text-anchor=\"end\">\(HTML.escape(label))</text>" }
        let longest = Double(rows.map(\.period.count).max() ?? 1) * Self.charWidth + 8
        let every = max(1, Int((longest / band).rounded(.up)))
        for (index, row) in rows.enumerated() where (rows.count - 1 - index) % every == 0 {
            svg += "<text x=\"\(c(x(index)))\" y=\"\(c(bottom + 19))\" text-anchor=\"middle\">\(HTML.escape(row.period))</text>"
        }
        svg += "<text class=\"chart-axis-title\" x=\"\(c((left + width - right) / 2))\" y=\"\(c(height - 4))\" text-anchor=\"middle\">Period</text>"
        svg += "<line x1=\"\(c(left))\" x2=\"\(c(width - right))\" y1=\"\(c(bottom))\" y2=\"\(c(bottom))\" stroke=\"\(Self.textColour)\" stroke-width=\"1.5\"/></g>"
        if let baseline = series.baseline {
            svg += "<line class=\"chart-baseline\" x1=\"\(c(left))\" x2=\"\(c(width - right))\" y1=\"\(c(y(baseline.value)))\" y2=\"\(c(y(baseline.value)))\""
            svg += " stroke=\"\(Self.baselineColour)\" stroke-width=\"2\" stroke-dasharray=\"2 4\" stroke-linecap=\"round\"/>"
        }
        let targets = series.targets
        if !targets.isEmpty {
            svg += "<g class=\"chart-target\" stroke=\"\(Self.targetColour)\" stroke-width=\"2\" fill=\"#fff\">"
            if targets.count > 1 {
                svg += "<polyline fill=\"none\" stroke-dasharray=\"6 4\" points=\"\(targets.map { "\(c(x($0.index))),\(c(y($0.point.value)))" }.joined(separator: " "))\"/>"
            }
            for target in targets { svg += "<rect x=\"\(c(x(target.index) - 4.5))\" y=\"\(c(y(target.point.value) - 4.5))\" width=\"9\" height=\"9\"/>" }
            svg += "</g>"
        }
        let actuals = series.actuals
        if !actuals.isEmpty {
            svg += "<g class=\"chart-actual\" fill=\"\(Self.actualColour)\">"
            if actuals.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(Self.actualColour)\" stroke-width=\"3\" stroke-linejoin=\"round\" points=\"\(actuals.map { "\(c(x($0.index))),\(c(y($0.point.value)))" }.joined(separator: " "))\"/>"
            }
            for actual in actuals { svg += "<circle cx=\"\(c(x(actual.index)))\" cy=\"\(c(y(actual.point.value)))\" r=\"5\" stroke=\"#fff\" stroke-width=\"1.5\"/>" }
            svg += "</g>"
            let last = actuals[actuals.count - 1]
            let label = value(last.point), half = Double(label.count) * Self.charWidth / 2
            let (px, py) = (x(last.index), y(last.point.value))
            let anchor = px + half > width ? "end" : px - half < left ? "start" : "middle"
            let ly = py - 12 < top - 4 ? py + 22 : py - 12
            svg += "<text class=\"chart-latest\" x=\"\(c(anchor == "end" ? width : px))\" y=\"\(c(ly))\" text-anchor=\"\(anchor)\" font-weight=\"700\">\(HTML.escape(label))</text>"
        }
        return svg + "</svg>"
    }

    /// The key along the top, naming each series beside a sample of its line and marker.
    private func legend() -> String {
        let c = ChartScale.coordinate
        var items: [(String, (Double) -> String)] = []
        if !series.actuals.isEmpty {
            items.append(("Actual", { x in
                "<line x1=\"\(c(x))\" x2=\"\(c(x + 22))\" y1=\"14\" y2=\"14\" stroke=\"\(Self.actualColour)\" stroke-width=\"3\"/>"
                    + "<circle cx=\"\(c(x + 11))\" cy=\"14\" r=\"5\" fill=\"\(Self.actualColour)\"/>"
            }))
        }
        if !series.targets.isEmpty {
            items.append(("Target", { x in
                "<line x1=\"\(c(x))\" x2=\"\(c(x + 22))\" y1=\"14\" y2=\"14\" stroke=\"\(Self.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
                    + "<rect x=\"\(c(x + 6.5))\" y=\"9.5\" width=\"9\" height=\"9\" fill=\"#fff\" stroke=\"\(Self.targetColour)\" stroke-width=\"2\"/>"
            }))
        }
        if series.baseline != nil {
            items.append(("Baseline", { x in
                "<line x1=\"\(c(x + 1))\" x2=\"\(c(x + 21))\" y1=\"14\" y2=\"14\" stroke=\"\(Self.baselineColour)\" stroke-width=\"2\" stroke-dasharray=\"2 4\" stroke-linecap=\"round\"/>"
            }))
        }
        var out = "<g class=\"chart-legend\">"
        var x = 0.0
        for (name, sample) in items {
            out += sample(x) + "<text x=\"\(c(x + 28))\" y=\"19\">\(name)</text>"
            x += 28 + Double(name.count) * Self.charWidth + 18
        }
        return out + "</g>"
    }
}
