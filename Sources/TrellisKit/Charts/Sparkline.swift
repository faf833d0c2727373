/// A small trend line for a measure in an index table: its actuals, the latest one marked, and
/// the target for that period as a short grey dash. It is hidden from assistive technology,
/// because the RAG word, the direction of travel and the numbers sit beside it in the row.
enum Sparkline {
    static let width = 64.0, height = 20.0

    /// The `<svg>`, or nil when there are fewer than two actuals (no trend to draw).
    static func svg(_ series: MeasureSeries) -> String? {
        let actuals = series.actuals
        guard actuals.count >= 2 else { return nil }
        let first = actuals[0].index, last = actuals[actuals.count - 1].index
        let target = series.rows[last].target
        let low = actuals.map(\.point.value).min()!, high = actuals.map(\.point.value).max()!
        let inset = 3.0
        func x(_ index: Int) -> Double {
            first == last ? width / 2 : inset + Double(index - first) / Double(last - first) * (width - inset * 2 - 6)
        }
        // Hug the actuals (and the target) so the shape of the trend shows, not the axis.
        let bottomValue = min(low, target?.value ?? low), topValue = max(high, target?.value ?? high)
        func y(_ value: Double) -> Double {
            guard topValue > bottomValue else { return height / 2 }
            return height - inset - (value - bottomValue) / (topValue - bottomValue) * (height - inset * 2)
        }
        let c = ChartScale.coordinate
        let points = actuals.map { "\(c(x($0.index))),\(c(y($0.point.value)))" }.joined(separator: " ")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" height=\"\(c(height))\" aria-hidden=\"true\" focusable=\"false\">"
        if let target {
            let ty = c(y(target.value))
            svg += "<line x1=\"\(c(x(last) - 2))\" x2=\"\(c(width - 1))\" y1=\"\(ty)\" y2=\"\(ty)\" stroke=\"\(MeasureChart.targetColour)\" stroke-width=\"2\"/>"
        }
        svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(MeasureChart.actualColour)\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        svg += "<circle cx=\"\(c(x(last)))\" cy=\"\(c(y(actuals[actuals.count - 1].point.value)))\" r=\"2.5\" fill=\"\(MeasureChart.actualColour)\"/>"
        return svg + "</svg>"
    }
}
