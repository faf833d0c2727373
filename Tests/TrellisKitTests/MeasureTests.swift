import XCTest
@testable import TrellisKit

/// Codes in natural order, and what Trellis derives from a measure's numbers: RAG and direction.
final class MeasureTests: XCTestCase {
    // MARK: Natural order

    func testCodesSortAsPeopleReadThem() {
        let codes = ["NI 117", "NI 10", "NI 102b", "NI 112", "NI 9", "NI 102a", "NI 102", "LAA 3", "ni 50"]
        XCTAssertEqual(codes.sorted(by: NaturalOrder.precedes), ["LAA 3", "NI 9", "NI 10", "ni 50", "NI 102", "NI 102a", "NI 102b", "NI 112", "NI 117"])
    }

    func testNaturalOrderIsAStrictOrder() {
        let codes = ["NI 102a", "NI 102b", "NI 112", "NI 117", "NI 9", "NI 10", "NI 010", "ni 9", "", "9", "a"]
        for a in codes {
            XCTAssertFalse(NaturalOrder.precedes(a, a), a)
            for b in codes where a != b {
                XCTAssertNotEqual(NaturalOrder.precedes(a, b), NaturalOrder.precedes(b, a), "\(a) and \(b) must be ordered one way")
            }
        }
        XCTAssertTrue(NaturalOrder.precedes("NI 102a", "NI 102b"))
        XCTAssertTrue(NaturalOrder.precedes("NI 102b", "NI 112"))
        XCTAssertTrue(NaturalOrder.precedes("NI 112", "NI 117"))
        XCTAssertTrue(NaturalOrder.precedes("NI 9", "NI 10"))
    }

    func testNaturalOrderBreaksTiesAndReadsLongNumbersAndLettersBeyondASCII() {
        let ordered: [(String, String)] = [
            ("NI 010", "NI 10"), ("NI 9", "ni 9"), ("2009-10", "2009-11"), ("2009-10", "2010-11"), ("2009-10", "2010"),
            ("Q1 2010", "q2 2009"), ("9", "a"), ("NI", "NI 1"), ("NI 10", "NI 10.5"), ("NI 10a", "NI 10B"),
            ("1234567890123456", "1234567890123457"), ("\u{00C9}t\u{00E9} 2", "\u{00C9}t\u{00E9} 10"),
        ]
        for (a, b) in ordered {
            XCTAssertTrue(NaturalOrder.precedes(a, b), "\(a) before \(b)")
            XCTAssertFalse(NaturalOrder.precedes(b, a), "\(b) after \(a)")
        }
    }

    // MARK: RAG

    func testRatingWhenHigherIsBetter() {
        XCTAssertEqual(MeasureStatus.rate(actual: 50, target: 50, lowerIsBetter: false), .green)
        XCTAssertEqual(MeasureStatus.rate(actual: 55, target: 50, lowerIsBetter: false), .green)
        XCTAssertEqual(MeasureStatus.rate(actual: 48, target: 50, lowerIsBetter: false), .amber)
        XCTAssertEqual(MeasureStatus.rate(actual: 47.5, target: 50, lowerIsBetter: false), .amber, "exactly 5% short is within 5%")
        XCTAssertEqual(MeasureStatus.rate(actual: 47.4, target: 50, lowerIsBetter: false), .red)
        XCTAssertEqual(MeasureStatus.rate(actual: 20, target: 50, lowerIsBetter: false), .red)
    }

    func testRatingWhenLowerIsBetter() {
        XCTAssertEqual(MeasureStatus.rate(actual: 10, target: 10, lowerIsBetter: true), .green)
        XCTAssertEqual(MeasureStatus.rate(actual: 8, target: 10, lowerIsBetter: true), .green)
        XCTAssertEqual(MeasureStatus.rate(actual: 10.4, target: 10, lowerIsBetter: true), .amber)
        XCTAssertEqual(MeasureStatus.rate(actual: 10.5, target: 10, lowerIsBetter: true), .amber)
        XCTAssertEqual(MeasureStatus.rate(actual: 10.6, target: 10, lowerIsBetter: true), .red)
    }

    func testNoTargetOrNoActualMeansNoRating() {
        XCTAssertEqual(MeasureStatus.rate(actual: 10, target: nil, lowerIsBetter: true), .none)
        XCTAssertEqual(MeasureStatus.rate(actual: nil, target: 10, lowerIsBetter: false), .none)
    }

    func testAZeroTargetIsMetOnlyExactlyOrBetter() {
        XCTAssertEqual(MeasureStatus.rate(actual: 0, target: 0, lowerIsBetter: true), .green)
        XCTAssertEqual(MeasureStatus.rate(actual: 1, target: 0, lowerIsBetter: true), .red)
    }

    func testRatingsAreAlwaysWords() {
        XCTAssertEqual(MeasureStatus.Rating.green.words, "Green: target met")
        XCTAssertEqual(MeasureStatus.Rating.amber.words, "Amber: within 5% of target")
        XCTAssertEqual(MeasureStatus.Rating.red.words, "Red: target missed")
        XCTAssertEqual(MeasureStatus.Rating.none.words, "No target set")
    }

    // MARK: Status from a measure's file

    private func measure(polarity: String, actuals: [(String, Double)], targets: [(String, Double)] = []) -> Measure {
        var text = "---\ntitle: M\npolarity: \(polarity)\nactuals:\n"
        for (period, value) in actuals { text += "  - { period: \(period), value: \(value) }\n" }
        if !targets.isEmpty { text += "targets:\n" }
        for (period, value) in targets { text += "  - { period: \(period), value: \(value) }\n" }
        guard case .measure(let measure) = Fixture.document("measures/m.md", text + "---\n").details else { fatalError() }
        return measure
    }

    func testTheLatestActualIsRatedAgainstTheTargetForTheSamePeriod() {
        let status = MeasureStatus(measure(polarity: "higher-is-better", actuals: [("2008-09", 40), ("2009-10", 48)],
                                           targets: [("2009-10", 50), ("2010-11", 60)]))
        XCTAssertEqual(status.latest?.period, "2009-10")
        XCTAssertEqual(status.target?.period, "2009-10")
        XCTAssertEqual(status.rating, .amber)
        XCTAssertEqual(status.direction, .improving)
    }

    func testATargetForAnotherPeriodIsNotUsed() {
        let status = MeasureStatus(measure(polarity: "higher-is-better", actuals: [("2009-10", 48)], targets: [("2010-11", 40)]))
        XCTAssertNil(status.target)
        XCTAssertEqual(status.rating, .none)
        XCTAssertEqual(status.direction, .unknown)
    }

    func testDirectionOfTravelFollowsPolarity() {
        XCTAssertEqual(MeasureStatus(measure(polarity: "higher-is-better", actuals: [("2008-09", 40), ("2009-10", 45)])).direction, .improving)
        XCTAssertEqual(MeasureStatus(measure(polarity: "higher-is-better", actuals: [("2008-09", 45), ("2009-10", 40)])).direction, .worsening)
        XCTAssertEqual(MeasureStatus(measure(polarity: "lower-is-better", actuals: [("2008-09", 40), ("2009-10", 45)])).direction, .worsening)
        XCTAssertEqual(MeasureStatus(measure(polarity: "lower-is-better", actuals: [("2008-09", 45), ("2009-10", 40)])).direction, .improving)
        XCTAssertEqual(MeasureStatus(measure(polarity: "lower-is-better", actuals: [("2008-09", 45), ("2009-10", 45)])).direction, .unchanged)
    }

    func testTheLatestActualIsTheLatestPeriodWhateverOrderItIsWritten() {
        let status = MeasureStatus(measure(polarity: "lower-is-better", actuals: [("2009-10", 40), ("2007-08", 50), ("2008-09", 45)],
                                           targets: [("2009-10", 38)]))
        XCTAssertEqual(status.latest?.period, "2009-10")
        XCTAssertEqual(status.latest?.value, 40)
        XCTAssertEqual(status.rating, .red)
        XCTAssertEqual(status.direction, .improving, "40 after 45 is better when lower is better")
    }
}
