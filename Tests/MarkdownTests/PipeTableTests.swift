import XCTest
import Markdown

final class PipeTableTests: XCTestCase {
    func testPipeTableParagraphIsAWarningWithTheTableBlockToUse() {
        let body = "Intro.\n\n| Group | 2000 |\n|---|:--:|\n| Voluntary, community | 52% |\n| Say \"hi\" \\| bye | 1 |\n"
        let result = Markdown.render(body) { _ in .keep }
        XCTAssertEqual(result.problems, [
            MarkdownProblem(kind: .pipeTable, isError: false,
                            message: "this paragraph looks like a pipe table, which CommonMark does not support; "
                                + "write a `table` block instead",
                            suggestion: "```table\nGroup,2000\n\"Voluntary, community\",52%\n\"Say \"\"hi\"\" | bye\",1\n```",
                            line: 3, column: 1),
        ])
    }

    func testPipeTableWithoutOuterPipesInABlockQuote() {
        let body = "> Name | Count\n> --- | ---\n> a | 1\n"
        let result = Markdown.render(body) { _ in .keep }
        XCTAssertEqual(result.problems.map(\.suggestion), ["```table\nName,Count\na,1\n```"])
        XCTAssertEqual(result.problems.map(\.line), [1])
    }

    func testSuggestionIsAValidTableBlock() {
        let body = "| a | b |\n| - | - |\n| x, y | \"q\" |\n"
        guard let suggestion = Markdown.render(body, rewrite: { _ in .keep }).problems.first?.suggestion else {
            return XCTFail("no suggestion")
        }
        let rendered = Markdown.render(suggestion + "\n") { _ in .keep }
        XCTAssertEqual(rendered.problems, [])
        XCTAssertEqual(rendered.plainText, "a b x, y \"q\"")
    }

    func testParagraphsWithPipesButNoDelimiterRowAreFine() {
        let body = "Options: a | b | c\nand more.\n\nA line\n---\n"
        XCTAssertEqual(Markdown.render(body) { _ in .keep }.problems, [])
    }
}
