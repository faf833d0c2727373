import XCTest
import Markdown

final class HeadingTests: XCTestCase {
    func testSlugsFollowGitHub() {
        XCTAssertEqual(Markdown.slug("Risks & issues"), "risks--issues")
        XCTAssertEqual(Markdown.slug("Risks"), "risks")
        XCTAssertEqual(Markdown.slug("NEET 16–18: what's next?"), "neet-1618-whats-next")
        XCTAssertEqual(Markdown.slug("snake_case and kebab-case"), "snake_case-and-kebab-case")
        XCTAssertEqual(Markdown.slug("Café Ünïcode 東京"), "café-ünïcode-東京")
        XCTAssertEqual(Markdown.slug("  Padded  "), "padded")
        XCTAssertEqual(Markdown.slug("!!!"), "")
    }

    func testHeadingsGetIdsAndDuplicatesGetSuffixes() {
        let body = "## Risks & issues\n\nText.\n\n### Risks\n\n## Risks\n\nSetext\n------\n\n## Risks\n\n## !!!\n"
        let result = Markdown.render(body) { _ in .keep }
        XCTAssertEqual(result.html, """
            <h2 id="risks--issues">Risks &amp; issues</h2>
            <p>Text.</p>
            <h3 id="risks">Risks</h3>
            <h2 id="risks-1">Risks</h2>
            <h2 id="setext">Setext</h2>
            <h2 id="risks-2">Risks</h2>
            <h2 id="section">!!!</h2>

            """)
        XCTAssertEqual(result.headings, [
            MarkdownHeading(level: 2, text: "Risks & issues", id: "risks--issues", line: 1),
            MarkdownHeading(level: 3, text: "Risks", id: "risks", line: 5),
            MarkdownHeading(level: 2, text: "Risks", id: "risks-1", line: 7),
            MarkdownHeading(level: 2, text: "Setext", id: "setext", line: 9),
            MarkdownHeading(level: 2, text: "Risks", id: "risks-2", line: 12),
            MarkdownHeading(level: 2, text: "!!!", id: "section", line: 14),
        ])
        XCTAssertEqual(result.problems, [])
    }

    func testHeadingKeepsInlineMarkupAndIdUsesItsText() {
        let result = Markdown.render("## The *new* `plan` [here](x.md)\n") { _ in .keep }
        XCTAssertEqual(result.html,
                       "<h2 id=\"the-new-plan-here\">The <em>new</em> <code>plan</code> <a href=\"x.md\">here</a></h2>\n")
        XCTAssertEqual(result.headings, [MarkdownHeading(level: 2, text: "The new plan here", id: "the-new-plan-here", line: 1)])
    }

    func testLevelOneHeadingIsDemotedWithAWarning() {
        let result = Markdown.render("Intro.\n\n# Aims\n\n## Aims\n") { _ in .keep }
        XCTAssertEqual(result.html, "<p>Intro.</p>\n<h2 id=\"aims\">Aims</h2>\n<h2 id=\"aims-1\">Aims</h2>\n")
        XCTAssertEqual(result.headings, [
            MarkdownHeading(level: 2, text: "Aims", id: "aims", line: 3),
            MarkdownHeading(level: 2, text: "Aims", id: "aims-1", line: 5),
        ])
        XCTAssertEqual(result.problems, [
            MarkdownProblem(kind: .bodyHeading, isError: false,
                            message: "a level-1 heading ('# Aims') in the body; the page title is the page's only "
                                + "level-1 heading, so write '## Aims'",
                            line: 3, column: 1),
        ])
    }

    func testHeadingInsideBlockQuoteAndTableIdsDoNotCollide() {
        let body = "> # Table 1\n\n```table caption=\"Counts\"\na\nx\n```\n"
        let result = Markdown.render(body) { _ in .keep }
        XCTAssertEqual(result.headings, [MarkdownHeading(level: 2, text: "Table 1", id: "table-1", line: 1)])
        XCTAssertEqual(result.problems.map(\.column), [3])
        XCTAssertEqual(result.html, """
            <blockquote>
            <h2 id="table-1">Table 1</h2>
            </blockquote>
            <div class="table-wrap" role="region" aria-labelledby="table-1-1" tabindex="0"><table>\
            <caption id="table-1-1">Counts</caption><thead><tr><th scope="col">a</th></tr></thead>\
            <tbody><tr><td>x</td></tr></tbody></table></div>

            """)
    }
}
