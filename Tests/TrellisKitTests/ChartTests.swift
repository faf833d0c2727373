import Foundation
import XCTest
@testable import TrellisKit

/// The measure chart and the sparkline: well-formed SVG, drawn inside their viewBox, labelled in
/// words, and never styled inline (a strict Content-Security-Policy would strip it).
final class ChartTests: XCTestCase {
    private func point(_ period: String, _ value: Double) -> DataPoint {
        DataPoint(period: period, value: value, written: String(value))
    }

    private func measure(lowerIsBetter: Bool = true, baseline: DataPoint? = nil, targets: [DataPoint] = [], actuals: [DataPoint]) -> Measure {
        Measure(code: "NI 117", definition: nil, source: nil, unit: "percent",
                polarity: Located(lowerIsBetter ? "lower-is-better" : "higher-is-better", at: SourceLocation(file: "x")),
                baseline: baseline, targets: targets, actuals: actuals)
    }

    private var neet: Measure {
        measure(baseline: point("2007-08", 6.1),
                targets: [point("2008-09", 5.9), point("2009-10", 5.6), point("2010-11", 5.3)],
                actuals: [point("2008-09", 6.0), point("2009-10", 5.7), point("2010-11", 5.5)])
    }

    private func chart(_ measure: Measure) -> String? {
        let series = MeasureSeries(measure)
        let value: (DataPoint) -> String = { $0.written + "%" }
        let text = ChartText(measureTitle: "NEET", code: measure.code, series: series, status: MeasureStatus(measure), value: value)
        return MeasureChart(series: series, text: text, unit: measure.unit, number: { $0.written }, value: value).svg(id: "chart")
    }

    /// Every number an element is placed by, with the attribute it came from.
    private func coordinates(_ element: XMLTree.Element) -> [(String, Double)] {
        var result: [(String, Double)] = []
        for (name, value) in element.attributes {
            if ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy"].contains(name) { result.append((name, Double(value)!)) }
            if name == "points" {
                for pair in value.split(separator: " ") {
                    let xy = pair.split(separator: ",").map { Double($0)! }
                    result += [("x", xy[0]), ("y", xy[1])]
                }
            }
        }
        return result
    }

    func testTheChartIsWellFormedLabelledAndInsideItsViewBox() throws {
        let svg = try XCTUnwrap(chart(neet))
        let root = try XMLTree.parse(svg)
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.attributes["viewBox"], "0 0 320 220")
        XCTAssertEqual(root.attributes["role"], "img")
        XCTAssertEqual(root.attributes["aria-labelledby"], "chart-title chart-desc")
        XCTAssertEqual(root.first("title")?.attributes["id"], "chart-title")
        XCTAssertEqual(root.first("desc")?.attributes["id"], "chart-desc")
        let description = try XCTUnwrap(root.first("desc")?.text)
        XCTAssertTrue(description.contains("Actual values fell from 6.0% in 2008-09 to 5.5% in 2010-11 (lower is better)."), description)
        XCTAssertTrue(description.contains("The latest value, 5.5%, missed its target of 5.3% for 2010-11 by 5% or less: amber."), description)
        XCTAssertTrue(description.contains("The baseline is 6.1% in 2007-08."), description)
        XCTAssertEqual(root.first("title")?.text, "NEET (NI 117): Actual, target and baseline values by period")
        for element in root.descendants {
            XCTAssertNil(element.attributes["style"], "no inline style on <\(element.name)>")
            for (name, value) in coordinates(element) where element.name != "g" {
                let limit = name.hasPrefix("x") || name == "cx" ? 320.0 : 220.0
                XCTAssertTrue((0...limit).contains(value), "\(element.name) \(name)=\(value) lies outside the viewBox")
            }
        }
    }

    func testActualsAreScaledSoHigherValuesSitHigher() throws {
        let root = try XMLTree.parse(try XCTUnwrap(chart(neet)))
        let actual = try XCTUnwrap(root.descendants.first { $0.attributes["class"] == "chart-actual" })
        let ys = actual.all("circle").map { Double($0.attributes["cy"]!)! }
        let xs = actual.all("circle").map { Double($0.attributes["cx"]!)! }
        XCTAssertEqual(ys.count, 3)
        XCTAssertTrue(ys[0] < ys[1] && ys[1] < ys[2], "6.0 > 5.7 > 5.5, so each point sits lower: \(ys)")
        XCTAssertEqual(xs, xs.sorted(), "periods run left to right")
        let targets = try XCTUnwrap(root.descendants.first { $0.attributes["class"] == "chart-target" }).all("rect")
        XCTAssertEqual(targets.count, 3, "a square marker per target")
        XCTAssertNotNil(root.descendants.first { $0.attributes["class"] == "chart-baseline" })
    }

    func testAxesAreLabelledWithTheUnit() throws {
        let root = try XMLTree.parse(try XCTUnwrap(chart(neet)))
        let texts = root.descendants.filter { $0.name == "text" }.map(\.text)
        XCTAssertTrue(texts.contains("Per cent (%)"), "\(texts)")
        XCTAssertTrue(texts.contains("Period"))
        XCTAssertTrue(texts.contains("2007-08") && texts.contains("2010-11"))
        XCTAssertTrue(texts.contains { $0.hasSuffix("%") && Double($0.dropLast()) != nil }, "tick labels carry the unit: \(texts)")
        XCTAssertTrue(texts.contains("Actual") && texts.contains("Target") && texts.contains("Baseline"), "a legend names each series")
    }

    func testAMeasureWithNoValuesHasNoChart() {
        XCTAssertNil(chart(measure(actuals: [])))
    }

    func testATrendThatPeaksSaysSo() {
        let rising = measure(lowerIsBetter: true, actuals: [point("2008-09", 10.4), point("2009-10", 10.9), point("2010-11", 10.1)])
        let text = ChartText(measureTitle: "Workless", code: nil, series: MeasureSeries(rising), status: MeasureStatus(rising), value: { $0.written + "%" })
        XCTAssertEqual(text.description, "Actual values fell from 10.4% in 2008-09 to 10.1% in 2010-11, with a high of 10.9% in 2009-10 (lower is better). "
                       + "Since the period before, the direction of travel is: improving. No target is set for 2010-11.")
    }

    func testTheRatingOfEachPeriodFollowsPolarity() {
        // polarity x (met, within 5%, worse, no target): the table beside the chart and the CSV read these.
        let cases: [(lowerIsBetter: Bool, actual: Double, target: Double?, rating: MeasureStatus.Rating)] = [
            (false, 52, 50, .green), (false, 48, 50, .amber), (false, 40, 50, .red), (false, 50, nil, .none),
            (true, 9, 10, .green), (true, 10.4, 10, .amber), (true, 12, 10, .red), (true, 10, nil, .none),
        ]
        for test in cases {
            let subject = measure(lowerIsBetter: test.lowerIsBetter, targets: test.target.map { [point("2010-11", $0)] } ?? [],
                                  actuals: [point("2010-11", test.actual)])
            XCTAssertEqual(MeasureSeries(subject).rows.map(\.rating), [test.rating], "\(test)")
            XCTAssertEqual(MeasureStatus(subject).rating, test.rating, "the page's rating agrees: \(test)")
        }
    }

    func testPeriodsAreInNaturalOrderWithTheBaselineFirst() {
        let series = MeasureSeries(measure(baseline: point("2007-08", 1), targets: [point("2010-11", 1)], actuals: [point("2009-10", 2), point("2008-09", 3)]))
        XCTAssertEqual(series.rows.map(\.period), ["2007-08", "2008-09", "2009-10", "2010-11"])
        XCTAssertNil(series.rows[3].rating, "no actual, nothing to rate")
    }

    func testTheScaleHasNiceTicksCoveringEveryValue() {
        let scale = ChartScale(values: [5.5, 6.1, 5.3])
        XCTAssertEqual(scale.ticks.map { ($0 * 10).rounded() / 10 }, [5.2, 5.4, 5.6, 5.8, 6.0, 6.2])
        XCTAssertEqual(scale.written(5.2), "5.2")
        XCTAssertEqual(ChartScale(values: [12, 40]).ticks.first, 0, "starts at zero when the data is not far from it")
        XCTAssertEqual(ChartScale(values: [7, 7]).ticks.count > 1, true, "a flat series still gets an axis")
        XCTAssertEqual(ChartScale(values: [-3.5, 19.1]).ticks.first! <= -3.5, true)
        XCTAssertEqual(ChartScale.coordinate(12.25), "12.3")
        XCTAssertEqual(ChartScale.coordinate(-4), "-4")
    }

    func testTheSparklineIsHiddenFromAssistiveTechnologyAndDrawnInside() throws {
        let svg = try XCTUnwrap(Sparkline.svg(MeasureSeries(neet)))
        let root = try XMLTree.parse(svg)
        XCTAssertEqual(root.attributes["aria-hidden"], "true")
        XCTAssertEqual(root.attributes["focusable"], "false")
        XCTAssertEqual(root.attributes["viewBox"], "0 0 64 20")
        for element in root.descendants {
            XCTAssertNil(element.attributes["style"])
            for (name, value) in coordinates(element) {
                XCTAssertTrue((0...(name.hasPrefix("x") || name == "cx" ? 64.0 : 20.0)).contains(value), "\(name)=\(value)")
            }
        }
        let line = try XCTUnwrap(root.first("polyline")?.attributes["points"])
        XCTAssertEqual(line.split(separator: " ").count, 3)
        XCTAssertNil(Sparkline.svg(MeasureSeries(measure(actuals: [point("2010-11", 1)]))), "one value is no trend")
    }

    func testMeasureTablesShowASparklineBesideTheWords() throws {
        let site = try OpenDataFixture.build(self)
        let measures = try site.page("measures/")
        XCTAssertEqual(measures.components(separatedBy: "class=\"sparkline\"").count - 1, 2)
        XCTAssertTrue(measures.contains("aria-hidden=\"true\" focusable=\"false\">"))
        XCTAssertTrue(measures.contains("Amber: within 5% of target"))
        XCTAssertTrue(try site.page("priorities/lcp-neet/").contains("class=\"sparkline\""))
        XCTAssertTrue(try site.page("partnerships/gosport/").contains("class=\"sparkline\""))
        let page = try site.page("measures/neet/")
        XCTAssertTrue(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""))
        XCTAssertTrue(page.contains("<th scope=\"col\" class=\"num\">Baseline</th>"))
    }
}
