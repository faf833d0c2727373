/// A measure's numbers period by period: the one list the chart, the table beside it and the
/// open data all read, so they can never disagree.
struct MeasureSeries: Sendable {
    /// One period: its baseline, actual and target where given, and the RAG of that actual.
    struct Row: Hashable, Sendable {
        var period: String
        var baseline: DataPoint?
        var actual: DataPoint?
        var target: DataPoint?
        /// Nil when there is no actual to rate.
        var rating: MeasureStatus.Rating?
    }

    /// Every period with a baseline, an actual or a target, in natural order ("2009-10" before "2010-11").
    let rows: [Row]
    let lowerIsBetter: Bool
    let baseline: DataPoint?

    /// The series of `measure`; a period written twice keeps its last value, as RAG does.
    init(_ measure: Measure) {
        let lowerIsBetter = measure.polarity?.value == "lower-is-better"
        self.lowerIsBetter = lowerIsBetter
        baseline = measure.baseline
        var periods: [String] = []
        var seen = Set<String>()
        for point in [measure.baseline].compactMap({ $0 }) + measure.actuals + measure.targets where seen.insert(point.period).inserted {
            periods.append(point.period)
        }
        periods.sort { NaturalOrder.precedes($0, $1) }
        rows = periods.map { period in
            let actual = measure.actuals.last { $0.period == period }
            let target = measure.targets.last { $0.period == period }
            let baseline = measure.baseline?.period == period ? measure.baseline : nil
            let rating = actual.map { MeasureStatus.rate(actual: $0.value, target: target?.value, lowerIsBetter: lowerIsBetter) }
            return Row(period: period, baseline: baseline, actual: actual, target: target, rating: rating)
        }
    }

    /// The rows that have an actual, in order.
    var actuals: [(index: Int, point: DataPoint)] {
        rows.enumerated().compactMap { index, row in row.actual.map { (index, $0) } }
    }

    /// The rows that have a target, in order.
    var targets: [(index: Int, point: DataPoint)] {
        rows.enumerated().compactMap { index, row in row.target.map { (index, $0) } }
    }

    /// Every value the chart must show: actuals, targets and the baseline.
    var values: [Double] {
        rows.flatMap { [$0.actual?.value, $0.target?.value] }.compactMap { $0 } + [baseline?.value].compactMap { $0 }
    }
}
