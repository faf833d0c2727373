import XCTest
import Markdown

final class LinkTests: XCTestCase {
    func testRewriteReplaceRemoveAndKeepWithPositions() {
        let body = "First line.\nSecond line.\nSee [Gosport](../partnerships/gosport.md#aims), [old](gone.md)\nand [site](https://example.org).\n"
        var seen: [MarkdownLink] = []
        let result = Markdown.render(body) { link in
            seen.append(link)
            switch link.destination {
            case "../partnerships/gosport.md#aims": return .replace("/partnerships/gosport/#aims")
            case "gone.md": return .remove
            default: return .keep
            }
        }
        let expected = [
            MarkdownLink(destination: "../partnerships/gosport.md#aims", line: 3, column: 5, isImage: false),
            MarkdownLink(destination: "gone.md", line: 3, column: 49, isImage: false),
            MarkdownLink(destination: "https://example.org", line: 4, column: 5, isImage: false),
        ]
        XCTAssertEqual(seen, expected)
        XCTAssertEqual(result.links, expected)
        XCTAssertEqual(result.html, """
            <p>First line.
            Second line.
            See <a href="/partnerships/gosport/#aims">Gosport</a>, old
            and <a href="https://example.org">site</a>.</p>

            """)
    }

    func testColumnsOnIndentedContinuationLinesAndInContainers() {
        // cmark reports columns on continuation lines as if their indentation were stripped;
        // Trellis reports where the link really is, counting characters, not bytes.
        let body = "Text\n    then [a](a.md)\n\n> - item [b](b.md)\n>   £ more [c](c.md)\n\n  [d]: d.md\n\n<https://x.org>\n"
        let result = Markdown.render(body) { _ in .keep }
        XCTAssertEqual(result.links, [
            MarkdownLink(destination: "a.md", line: 2, column: 10, isImage: false),
            MarkdownLink(destination: "b.md", line: 4, column: 10, isImage: false),
            MarkdownLink(destination: "c.md", line: 5, column: 12, isImage: false),
            MarkdownLink(destination: "https://x.org", line: 9, column: 1, isImage: false),
        ])
    }

    func testImagesAreRewrittenOrReducedToAltText() {
        let body = "![Map of the area](../assets/map.png \"The map\")\n\n![Old *chart*](../assets/old.png) [![logo](l.png)](https://x.org)\n"
        let result = Markdown.render(body) { link in
            switch link.destination {
            case "../assets/map.png": return .replace("/assets/map.png")
            case "../assets/old.png": return .remove
            default: return .keep
            }
        }
        XCTAssertEqual(result.links, [
            MarkdownLink(destination: "../assets/map.png", line: 1, column: 1, isImage: true),
            MarkdownLink(destination: "../assets/old.png", line: 3, column: 1, isImage: true),
            MarkdownLink(destination: "https://x.org", line: 3, column: 35, isImage: false),
            MarkdownLink(destination: "l.png", line: 3, column: 36, isImage: true),
        ])
        XCTAssertEqual(result.html, """
            <p><img src="/assets/map.png" alt="Map of the area" title="The map" /></p>
            <p>Old <em>chart</em> <a href="https://x.org"><img src="l.png" alt="logo" /></a></p>

            """)
        XCTAssertEqual(result.plainText, "Map of the area Old chart logo")
    }

    func testDangerousSchemesNeverReachTheHTML() {
        let body = """
            [a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](jav&#x61;script:alert(1))
            [d](vbscript:msgbox) [e](file:///etc/passwd) [f](data:text/html,hi) [g](<java\tscript:x>)
            ![h](data:image/png;base64,AAAA) [i](  javascript:x) [ok](https://example.org/javascript:)

            """
        let result = Markdown.render(body) { _ in .keep }
        XCTAssertEqual(result.html, """
            <p>a b c
            d e f g
            h i <a href="https://example.org/javascript:">ok</a></p>

            """)
        XCTAssertEqual(result.links.map(\.destination), [
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", "javascript:alert(1)",
            "vbscript:msgbox", "file:///etc/passwd", "data:text/html,hi", "java\tscript:x",
            "data:image/png;base64,AAAA", "javascript:x", "https://example.org/javascript:",
        ])
    }

    func testRewriterCannotReintroduceADangerousScheme() {
        let result = Markdown.render("[x](a.md) [y](b.md)") { link in
            link.destination == "a.md" ? .replace("javascript:alert(1)") : .replace("/b/")
        }
        XCTAssertEqual(result.html, "<p>x <a href=\"/b/\">y</a></p>\n")
    }

    func testDangerousSchemesAreRemovedInUnsafeModeToo() {
        let result = Markdown.render("[x](javascript:alert(1))", options: .init(unsafeHTML: true)) { _ in .keep }
        XCTAssertEqual(result.html, "<p>x</p>\n")
    }
}
