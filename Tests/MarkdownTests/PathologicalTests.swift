import XCTest
import Markdown

/// Inputs whose nesting or size is up to the editor: each must finish well inside a time limit
/// (5 seconds, generous for a debug build on a slow machine) and without deep recursion.
final class PathologicalTests: XCTestCase {
    private let limit: TimeInterval = 5

    private func renderTimed(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> RenderedMarkdown {
        let start = Date()
        let result = Markdown.render(body) { _ in .remove }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, limit, "took \(elapsed) s", file: file, line: line)
        return result
    }

    func testTenThousandNestedBlockQuotes() {
        let result = renderTimed(String(repeating: ">", count: 10_000) + " deep\n")
        XCTAssertEqual(result.plainText, "deep")
        XCTAssertTrue(result.html.hasPrefix("<blockquote>\n<blockquote>\n"))
    }

    func testFiftyThousandOpenBrackets() {
        let result = renderTimed(String(repeating: "[", count: 50_000) + "\n")
        XCTAssertEqual(result.plainText.count, 50_000)
        XCTAssertEqual(result.links, [])
    }

    func testDeeplyNestedImagesAllRemoved() {
        let body = "x\n" + String(repeating: "![a£", count: 20_000) + String(repeating: "](data:x)", count: 20_000) + "\n"
        let result = renderTimed(body)
        XCTAssertEqual(result.links.count, 20_000)
        XCTAssertEqual(result.links.last, MarkdownLink(destination: "data:x", line: 2, column: 4 * 19_999 + 1, isImage: true))
        XCTAssertFalse(result.html.contains("<img"))
    }

    func testManyNestedListsEmphasisAndHeadings() {
        let body = String(repeating: "- ", count: 10_000) + "x\n\n"
            + String(repeating: "*a **", count: 20_000) + "\n\n"
            + String(repeating: "## Same\n", count: 20_000)
            + String(repeating: "| a | b |\n", count: 10_000) + "|---|---|\n"
        let result = renderTimed(body)
        XCTAssertEqual(result.headings.count, 20_000)
        XCTAssertEqual(result.headings.last?.id, "same-19999")
        XCTAssertEqual(result.problems.map(\.kind), [.pipeTable])
    }
}
