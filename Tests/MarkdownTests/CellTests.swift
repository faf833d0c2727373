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
        for url in ["JAVASCRIPT:x", "\u{7F}data:x", "d a t a:x", "FiLe:x"] {
            XCTAssertTrue(URLSafety.isForbidden(url), url)
        }
        for url in ["javascript", "data", "x:javascript:", "javascrip:", "vbscript", "filed:x", "dat\u{301}a:x"] {
            XCTAssertFalse(URLSafety.isForbidden(url), url)
        }
    }

    func testNumericCellsBeyondASCII() {
        // Signs and currencies beyond ASCII, white space beyond ASCII around a number, and a
        // suffix that Unicode lower-cases to `k` (KELVIN SIGN) are read as before.
        for cell in ["\u{2212}£5", "£\u{2212}5", "+$1,234.50", "€.5", "5\u{212A}", "5\u{A0}", "\u{2003}12\u{2003}",
                     " \u{301}5", "5 \u{301}", "\t7\r\n", "12BN", "3K"] {
            XCTAssertTrue(NumericCell.isNumeric(cell), cell)
        }
        for cell in ["\u{2212}\u{2212}5", "£-\u{2212}5", "5\u{301}", "£€5", "5bn%", "5 %", "\u{A0}", " \t ", "−", "1,2345", "٥"] {
            XCTAssertFalse(NumericCell.isNumeric(cell), cell)
        }
    }

    func testTrimmingWhitespaceByCharacters() {
        XCTAssertEqual("  a b\t\r\n".trimmingWhitespace(), "a b")
        XCTAssertEqual("plain".trimmingWhitespace(), "plain")
        XCTAssertEqual(" \t ".trimmingWhitespace(), "")
        XCTAssertEqual("".trimmingWhitespace(), "")
        XCTAssertEqual("\u{A0}café\u{2003}".trimmingWhitespace(), "café")
        // A space with a combining mark on it is one Character, and white space.
        XCTAssertEqual(" \u{301}x \u{301}".trimmingWhitespace(), "x")
        XCTAssertEqual("x\u{301} ".trimmingWhitespace(), "x\u{301}")
    }

    func testTableInfoStrings() {
        func isTable(_ info: String) -> Bool {
            var info = info
            return info.withUTF8 { TableBlock.isTable(info: $0) }
        }
        for info in ["table", "  table", "table caption=\"x\"", "table\tcaption", "table €", "table  \u{301}"] {
            XCTAssertTrue(isTable(info), info)
        }
        for info in ["", "tables", "Table", "tablé", "table\u{301}", "table \u{301}x", "csv table", " \u{301}table"] {
            XCTAssertFalse(isTable(info), info)
        }
    }

    func testCollapsedTextMatchesSplittingAtWhiteSpace() {
        // Long enough that runs are read eight bytes at a time, with every kind of byte at every place.
        let pieces = ["a", "bc", "word", " ", "  ", "\t", "\n", "\r\n", "é", "\u{A0}", "\u{2003}", "!", "\u{7F}", "\u{1F}", "x y"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var collapsed = CollapsedText()
            collapsed.append(text)
            let expected = text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
            XCTAssertEqual(collapsed.string, expected, text.debugDescription)
        }
    }
}
