/// What a measure's chart shows, in words: its title, and the trend, the latest rating and the
/// baseline as sentences, so a screen reader (or anyone who cannot see the lines) gets the story.
struct ChartText: Sendable {
    /// "16 to 18 year olds NEET (NI 117): actual, target and baseline values by period".
    let title: String
    /// The trend and the rating in a few plain sentences.
    let description: String

    /// Words for `series`; `value` writes a number with its unit ("5.5%").
    init(measureTitle: String, code: String?, series: MeasureSeries, status: MeasureStatus, value: (DataPoint) -> String) {
        var shown: [String] = []
        if !series.actuals.isEmpty { shown.append("actual") }
        if !series.targets.isEmpty { shown.append("target") }
        if series.baseline != nil { shown.append("baseline") }
        let named = code.map { "\(measureTitle) (\($0))" } ?? measureTitle
        title = "\(named): " + (shown.isEmpty ? "no values yet" : Self.list(shown).capitalizedFirst + " values by period")
        description = Self.sentences(series, status, value).joined(separator: " ")
    }

    private static func sentences(_ series: MeasureSeries, _ status: MeasureStatus, _ value: (DataPoint) -> String) -> [String] {
        var result: [String] = []
        let actuals = series.actuals.map(\.point)
        let better = series.lowerIsBetter ? "lower is better" : "higher is better"
        switch actuals.count {
        case 0:
            result.append("No actual values have been published yet.")
        case 1:
            result.append("One actual value so far: \(value(actuals[0])) in \(actuals[0].period).")
        default:
            let first = actuals[0], last = actuals[actuals.count - 1]
            let verb = last.value > first.value ? "rose" : last.value < first.value ? "fell" : "went"
            var sentence = "Actual values \(verb) from \(value(first)) in \(first.period) to \(value(last)) in \(last.period)"
            let middle = actuals.dropFirst().dropLast()
            var extremes: [String] = []
            if let peak = middle.max(by: { $0.value < $1.value }), peak.value > max(first.value, last.value) {
                extremes.append("a high of \(value(peak)) in \(peak.period)")
            }
            if let trough = middle.min(by: { $0.value < $1.value }), trough.value < min(first.value, last.value) {
                extremes.append("a low of \(value(trough)) in \(trough.period)")
            }
            if !extremes.isEmpty { sentence += ", with " + list(extremes) }
            result.append(sentence + " (\(better)).")
            result.append("Since the period before, the direction of travel is: \(status.direction.words.lowercased()).")
        }
        if let latest = status.latest {
            if let target = status.target {
                let against = "its target of \(value(target)) for \(target.period)"
                switch status.rating {
                case .green: result.append("The latest value, \(value(latest)), met \(against): green.")
                case .amber: result.append("The latest value, \(value(latest)), missed \(against) by 5% or less: amber.")
                case .red: result.append("The latest value, \(value(latest)), missed \(against) by more than 5%: red.")
                case .none: result.append("No target is set for \(latest.period).")
                }
            } else {
                result.append("No target is set for \(latest.period).")
            }
        }
        let lastActual = series.actuals.last?.index ?? -1
        if let next = series.targets.first(where: { $0.index > lastActual }) {
            result.append("The next target is \(value(next.point)) for \(next.point.period).")
        }
        if let baseline = series.baseline {
            result.append("The baseline is \(value(baseline)) in \(baseline.period).")
        }
        return result
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
