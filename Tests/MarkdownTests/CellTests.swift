import XCTest
@testable import Markdown

/// The pieces `table` blocks are built from: the CSV reader and the numeric-cell rule.
final class CellTests: XCTestCase {
    func testNumericCells() {
        for cell in ["52%", "1,234", "-3.5", "£10m", "$1.2bn", "€5k", "+7", "−2", "-£5", "£-5", ".5", "1234567", " 12 ", "0.25%", "3M"] {
            XCTAssertTrue(NumericCell.isNumeric(cell), cell)
        }
        for cell in ["", "n/a", "2019-20", "10 people", "1,23", "1234,567", "12,34.5", "£", "%", "--5", "5.", "1.2.3", "1e5", "5%%"] {
            XCTAssertFalse(NumericCell.isNumeric(cell), cell)
        }
    }

    func testCSVQuotingBlankLinesAndLineOffsets() throws {
        let rows = try CSV.parse("a, b ,\"c, \"\"d\"\"\"\r\n\n\"multi\nline\",2,\n  \"x\" tail,\"\"\n")
        XCTAssertEqual(rows, [
            CSVRow(cells: ["a", "b", "c, \"d\""], lineOffset: 0),
            CSVRow(cells: ["multi\nline", "2", ""], lineOffset: 2),
            CSVRow(cells: ["xtail", ""], lineOffset: 4),
        ])
        XCTAssertEqual(try CSV.parse(""), [])
        XCTAssertEqual(try CSV.parse("\n\n"), [])
        XCTAssertThrowsError(try CSV.parse("a\n\nb,\"c\nd\n")) { error in
            XCTAssertEqual(error as? CSVError, .unterminatedQuote(lineOffset: 2))
        }
    }

    func testCSVQuotedForSuggestions() {
        XCTAssertEqual(CSV.quoted("plain"), "plain")
        XCTAssertEqual(CSV.quoted("a, b"), "\"a, b\"")
        XCTAssertEqual(CSV.quoted("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSV.quoted(" padded"), "\" padded\"")
    }

    func testForbiddenSchemes() {
        for url in ["javascript:x", "JavaScript:x", " \u{1}javascript:x", "java\nscript:x", "vbscript:x", "file:///x", "data:image/png,x", "DATA:x"] {
            XCTAssertTrue(URLSafety.isForbidden(url), url)
        }
        for url in ["https://x.org", "mailto:a@b.org", "measure:neet", "../a.md#javascript:", "java%73cript:x", ""] {
            XCTAssertFalse(URLSafety.isForbidden(url), url)
        }
    }
}
