import XCTest
import Markdown

final class HTMLTests: XCTestCase {
    private let body = "<div class=\"x\">raw</div>\n\nText <b>bold</b> <script>alert(1)</script>\n"

    func testRawHTMLIsOmittedByDefault() {
        let result = Markdown.render(body) { _ in .keep }
        XCTAssertEqual(result.html, """
            <!-- raw HTML omitted -->
            <p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>

            """)
    }

    func testRawHTMLIsKeptInUnsafeMode() {
        let result = Markdown.render(body, options: .init(unsafeHTML: true)) { _ in .keep }
        XCTAssertEqual(result.html, """
            <div class="x">raw</div>
            <p>Text <b>bold</b> <script>alert(1)</script></p>

            """)
    }

    func testNoSourcePositionsInTheHTML() {
        let result = Markdown.render("# A\n\n- b\n\n> c\n") { _ in .keep }
        XCTAssertFalse(result.html.contains("data-sourcepos"), result.html)
    }

    func testSmartPunctuationIsOptional() {
        let text = "\"Quotes\" -- and 'these'..."
        XCTAssertEqual(Markdown.render(text) { _ in .keep }.html, "<p>&quot;Quotes&quot; -- and 'these'...</p>\n")
        XCTAssertEqual(Markdown.render(text, options: .init(smartPunctuation: true)) { _ in .keep }.html,
                       "<p>“Quotes” – and ‘these’…</p>\n")
    }

    func testPlainTextHasNoMarkupAndCollapsedWhitespace() {
        let body = "## Our *aims*\n\nWe   work with `partners`\nacross [Gosport](g.md).\n\n- one\n- two\n\n```\ncode  block\n```\n\n<p>raw</p>\n"
        XCTAssertEqual(Markdown.render(body) { _ in .keep }.plainText,
                       "Our aims We work with partners across Gosport. one two code block")
    }

    func testPlainTextCollapsesEveryKindOfSpaceAndKeepsOtherCharactersWhole() {
        let body = "Caf\u{00E9}\u{00A0}\u{00A0}na\u{0308}ive\u{2003}\u{3000}\u{1F600}\tend\u{200B}x\n\nSecond\u{2028}line \u{0142}\u{00F3}d\u{017A}\n"
        XCTAssertEqual(Markdown.render(body) { _ in .keep }.plainText,
                       "Caf\u{00E9} na\u{0308}ive \u{1F600} end\u{200B}x Second line \u{0142}\u{00F3}d\u{017A}")
    }

    func testPlainTextCollapsesWhiteSpaceAcrossNodesAndBlocks() {
        let body = "  A  *b*\u{00A0}\u{2003}c \n\n- d\n-  e\n\n```\n  f\n\n g  \n```\n\n\u{2003}\n"
        XCTAssertEqual(Markdown.render(body) { _ in .keep }.plainText, "A b c d e f g", "one space wherever nodes and blocks meet, none at the ends")
    }

    func testEmptyBody() {
        XCTAssertEqual(Markdown.render("") { _ in .keep },
                       RenderedMarkdown(htmlBytes: [], headings: [], links: [], problems: [], plainText: ""))
    }

    func testRenderIsThreadSafe() {
        let body = "# T\n\n[a](a.md) ![b](b.png)\n\n```table caption=\"C\"\nx,y\n1,2\n```\n"
        let expected = Markdown.render(body) { _ in .replace("/r/") }
        let results = UnsafeMutableBufferPointer<RenderedMarkdown?>.allocate(capacity: 64)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            results[index] = Markdown.render(body) { _ in .replace("/r/") }
        }
        XCTAssertEqual(Array(results), Array(repeating: expected, count: 64))
    }
}
