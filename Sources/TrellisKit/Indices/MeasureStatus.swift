/// What Trellis derives from a measure's numbers: never read from the file.
public struct MeasureStatus: Hashable, Sendable {
    /// Red, amber or green against the target for the same period as the latest actual.
    public enum Rating: String, Hashable, Sendable {
        case green, amber, red, none

        /// The rating in words, since colour is never the only signal.
        public var words: String {
            switch self {
            case .green: "Green: target met"
            case .amber: "Amber: within 5% of target"
            case .red: "Red: target missed"
            case .none: "No target set"
            }
        }
    }

    /// How the latest actual compares with the one before, given the measure's polarity.
    public enum Direction: String, Hashable, Sendable {
        case improving, worsening, unchanged, unknown

        /// The direction in words.
        public var words: String {
            switch self {
            case .improving: "Improving"
            case .worsening: "Getting worse"
            case .unchanged: "No change"
            case .unknown: "Not enough data"
            }
        }
    }

    public var latest: DataPoint?
    public var target: DataPoint?
    public var rating: Rating
    public var direction: Direction

    /// The status of `measure` from its actuals and targets.
    public init(_ measure: Measure) {
        let lowerIsBetter = measure.polarity?.value == "lower-is-better"
        // Editors write periods in any order: the latest is the last period, not the last line.
        let actuals = measure.actuals.enumerated().sorted { a, b in
            a.element.period != b.element.period ? NaturalOrder.precedes(a.element.period, b.element.period) : a.offset < b.offset
        }.map(\.element)
        latest = actuals.last
        target = latest.flatMap { latest in measure.targets.last { $0.period == latest.period } }
        rating = Self.rate(actual: latest?.value, target: target?.value, lowerIsBetter: lowerIsBetter)
        if actuals.count >= 2, let latest {
            let previous = actuals[actuals.count - 2].value
            if latest.value == previous {
                direction = .unchanged
            } else {
                direction = (latest.value < previous) == lowerIsBetter ? .improving : .worsening
            }
        } else {
            direction = .unknown
        }
    }

    /// Green when the target is met, amber when within 5% of it, red when worse.
    static func rate(actual: Double?, target: Double?, lowerIsBetter: Bool) -> Rating {
        guard let actual, let target else { return .none }
        let met = lowerIsBetter ? actual <= target : actual >= target
        if met { return .green }
        return abs(actual - target) <= abs(target) * 0.05 ? .amber : .red
    }
}
