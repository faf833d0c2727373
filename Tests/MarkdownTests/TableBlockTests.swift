import XCTest
import Markdown

final class TableBlockTests: XCTestCase {
    private func render(_ body: String) -> RenderedMarkdown {
        Markdown.render(body) { _ in .keep }
    }

    func testAQuoteOrBracketJoinedByACombiningMarkIsStillEscaped() {
        // `"` + U+0301 is one Character; escaping Character by Character let the quote through.
        let result = render("```table caption=\"x\"\n\"a\"\"\u{301} onmouseover=alert(1) <\u{338}b\",c\n1,2\n```\n")
        XCTAssertTrue(result.html.contains("a&quot;\u{301} onmouseover=alert(1) &lt;\u{338}b"), result.html)
        XCTAssertFalse(result.html.contains("\"\u{301}"), result.html)
        XCTAssertFalse(result.html.contains("<\u{338}"), result.html)
    }

    func testCaptionHeaderScopesAndNumericColumns() {
        let body = """
            Intro.

            ```table caption="Membership of under-represented groups"
            Group,2000,Previous year
            Voluntary and community bodies,52%,48%
            Training providers,44%,n/a
            ```

            """
        let result = render(body)
        XCTAssertEqual(result.html, """
            <p>Intro.</p>
            <div class="table-wrap" role="region" aria-labelledby="table-1" tabindex="0"><table>\
            <caption id="table-1">Membership of under-represented groups</caption>\
            <thead><tr><th scope="col">Group</th><th scope="col" class="num">2000</th><th scope="col">Previous year</th></tr></thead>\
            <tbody><tr><td>Voluntary and community bodies</td><td class="num">52%</td><td>48%</td></tr>\
            <tr><td>Training providers</td><td class="num">44%</td><td>n/a</td></tr></tbody></table></div>

            """)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.plainText, "Intro. Membership of under-represented groups Group 2000 Previous year "
            + "Voluntary and community bodies 52% 48% Training providers 44% n/a")
    }

    func testNoCaptionQuotedCellsEscapingAndStableIds() {
        let body = #"""
            ```table
            Name,"Notes, with ""quotes"""
            "<script>alert('x')</script>","two
            lines & more"
            ```

            ```table caption="Second <b>table</b>"
            A
            -3.5
            ```

            """#
        let result = render(body)
        XCTAssertEqual(result.html, """
            <div class="table-wrap" role="region" aria-label="Table" tabindex="0"><table>\
            <thead><tr><th scope="col">Name</th><th scope="col">Notes, with &quot;quotes&quot;</th></tr></thead>\
            <tbody><tr><td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td><td>two
            lines &amp; more</td></tr></tbody></table></div>
            <div class="table-wrap" role="region" aria-labelledby="table-2" tabindex="0"><table>\
            <caption id="table-2">Second &lt;b&gt;table&lt;/b&gt;</caption>\
            <thead><tr><th scope="col" class="num">A</th></tr></thead>\
            <tbody><tr><td class="num">-3.5</td></tr></tbody></table></div>

            """)
        XCTAssertEqual(result.problems, [])
    }

    func testEscapingBlankCellsAndCellsBeyondASCII() {
        // Captions and cells escape & < > " '; a column whose body cells are blank is not
        // numeric, and blank cells do not stop a column of numbers (£5, −3) being numeric.
        let body = "```table caption=\"Costs & \"risks\" <2026>\"\nItem,Cost,Note\n\"  \",£5,\nCafé's <b>,\"  \", \nx & y,\u{2212}3,\" \"\n```\n"
        let result = render(body)
        XCTAssertEqual(result.html, """
            <div class="table-wrap" role="region" aria-labelledby="table-1" tabindex="0"><table>\
            <caption id="table-1">Costs &amp; &quot;risks&quot; &lt;2026&gt;</caption>\
            <thead><tr><th scope="col">Item</th><th scope="col" class="num">Cost</th><th scope="col">Note</th></tr></thead>\
            <tbody><tr><td>  </td><td class="num">£5</td><td></td></tr>\
            <tr><td>Café&#39;s &lt;b&gt;</td><td class="num">  </td><td></td></tr>\
            <tr><td>x &amp; y</td><td class="num">\u{2212}3</td><td> </td></tr></tbody></table></div>

            """)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.plainText, "Costs & \"risks\" <2026> Item Cost Note £5 Café's <b> x & y \u{2212}3")
    }

    func testRaggedRowsArePaddedOrTruncatedWithWarnings() {
        let body = "Text.\n\n```table caption=\"C\"\na,b,c\n1,2\n\n4,5,6,7\n```\n"
        let result = render(body)
        XCTAssertEqual(result.problems, [
            MarkdownProblem(kind: .tableBlock, isError: false,
                            message: "row 2 of this table has 2 cells but the header has 3; it was padded with empty cells",
                            line: 5, column: 1),
            MarkdownProblem(kind: .tableBlock, isError: false,
                            message: "row 3 of this table has 4 cells but the header has 3; the extra cells were dropped",
                            line: 7, column: 1),
        ])
        XCTAssertTrue(result.html.contains(
            // Column c is numeric: the padded empty cell does not count.
            "<tbody><tr><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\"></td></tr>"
                + "<tr><td class=\"num\">4</td><td class=\"num\">5</td><td class=\"num\">6</td></tr></tbody>"),
                      result.html)
    }

    func testUnterminatedQuoteIsAnErrorAndTheBlockStaysCode() {
        let body = "```table\na,b\n1,\"open\n2,3\n```\n"
        let result = render(body)
        XCTAssertEqual(result.problems, [
            MarkdownProblem(kind: .tableBlock, isError: true,
                            message: "a quoted cell starts on this line but its closing \" is missing "
                                + "(a quote inside a quoted cell is written \"\")",
                            line: 3, column: 1),
        ])
        XCTAssertEqual(result.html, "<pre><code class=\"language-table\">a,b\n1,&quot;open\n2,3\n</code></pre>\n")
    }

    func testEmptyBlockAndUnknownAttributeAreErrors() {
        let body = "```table\n\n```\n\n> ```table title=\"x\"\n> a\n> ```\n\n```table caption=Plain\na\n```\n"
        XCTAssertEqual(render(body).problems, [
            MarkdownProblem(kind: .tableBlock, isError: true,
                            message: "this `table` block is empty; write CSV with the header row first, e.g. `Group,2020,2021`",
                            line: 1, column: 1),
            MarkdownProblem(kind: .tableBlock, isError: true,
                            message: "unknown attribute 'title' after `table`; the only attribute allowed is caption=\"...\"",
                            line: 5, column: 3),
            MarkdownProblem(kind: .tableBlock, isError: true,
                            message: "write the caption in double quotes: caption=\"...\"",
                            line: 9, column: 1),
        ])
    }

    func testOtherCodeBlocksAreUntouched() {
        let result = render("```tables\na,b\n```\n\n```swift\nlet table = 1\n```\n")
        XCTAssertEqual(result.html, "<pre><code class=\"language-tables\">a,b\n</code></pre>\n"
            + "<pre><code class=\"language-swift\">let table = 1\n</code></pre>\n")
        XCTAssertEqual(result.problems, [])
    }
}
