import XCTest
@testable import TrellisKit

/// Input whose size or nesting is up to whoever edits the content (issue 8): each file builds, or
/// is refused with a clear error, within a time bound, in time linear in its size.
///
/// The bounds are for a debug build on a slow, shared two-core machine, with tests running in
/// parallel: 60 seconds (180 for the 20 MB document), where each input takes 0.5 to 3 seconds
/// there when the machine is quiet (about 15 for 20 MB). Quadratic behaviour on any of these
/// inputs is 10^10 steps or more, hours, so it still fails them.
final class PathologicalTests: XCTestCase {
    /// Seconds any one input may take.
    private let bound: TimeInterval = 60

    /// Builds `files` (with the default site.yml) and fails if that takes longer than `bound`.
    private func build(_ files: [String: String], bound: TimeInterval? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> (TestSite, BuildResult) {
        let site = try makeSite(files)
        let start = Date()
        let result = site.build()
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, bound ?? self.bound, "took \(Int(elapsed)) s", file: file, line: line)
        return (site, result)
    }

    /// Errors of a result, as whole values.
    private func errors(_ result: BuildResult) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    private func page(_ body: String) -> String { "---\ntitle: Deep\n---\n" + body }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// A page's rendered body: from `<div class="body">` to the end of `<main>`.
    private func body(_ site: TestSite, _ path: String) throws -> String {
        let html = try site.page(path)
        guard let start = html.range(of: "<div class=\"body\">"), let end = html.range(of: "</main>", range: start.upperBound..<html.endIndex) else {
            XCTFail("no body on \(path)")
            return ""
        }
        return String(html[start.upperBound..<end.lowerBound])
    }

    // MARK: Markdown

    func testHundredThousandNestedBlockQuotesBuild() throws {
        let (site, result) = try build(["Content/pages/deep.md": page(String(repeating: ">", count: 100_000) + " deep\n")])
        XCTAssertEqual(errors(result), [])
        let html = try site.page("deep/")
        XCTAssertEqual(count("<blockquote>", in: html), 100_000)
        XCTAssertTrue(html.contains("<p>deep</p>"))
    }

    func testHundredThousandNestedListItemsBuild() throws {
        let (site, result) = try build([
            "Content/pages/bullets.md": page(String(repeating: "- ", count: 100_000) + "deep\n"),
            "Content/pages/numbers.md": page(String(repeating: "1. ", count: 100_000) + "deep\n"),
        ])
        XCTAssertEqual(errors(result), [])
        XCTAssertEqual(count("<li>", in: try body(site, "bullets/")), 100_000)
        XCTAssertEqual(count("<ol>", in: try body(site, "numbers/")), 100_000)
    }

    func testFiftyThousandOpenersBuild() throws {
        let (site, result) = try build([
            "Content/pages/brackets.md": page(String(repeating: "[", count: 50_000) + "\n"),
            "Content/pages/images.md": page(String(repeating: "![", count: 50_000) + "\n"),
            "Content/pages/links.md": page(String(repeating: "[a](", count: 50_000) + "\n"),
            "Content/pages/stars.md": page(String(repeating: "*", count: 50_000) + "a\n\n" + String(repeating: "*a ", count: 50_000) + "\n"),
            "Content/pages/underscores.md": page(String(repeating: "_", count: 50_000) + "a\n\n" + String(repeating: "_a **", count: 50_000) + "\n"),
        ])
        XCTAssertEqual(errors(result), [])
        XCTAssertTrue(try site.page("brackets/").contains("<p>" + String(repeating: "[", count: 50_000) + "</p>"))
        XCTAssertEqual(count("<a ", in: try body(site, "links/")), 0)
        XCTAssertEqual(count("<img", in: try body(site, "images/")), 0)
    }

    func testTwentyMegabyteDocumentBuilds() throws {
        let paragraph = "Some text with a [link](https://www.example.org/) and *emphasis* and `code`, more words here.\n"
        var body = "", sections = 0
        while body.utf8.count < 20_000_000 {
            body += String(repeating: paragraph, count: 9) + "\n## Section \(sections)\n\n"
            sections += 1
        }
        let (site, result) = try build(["Content/pages/big.md": page(body)], bound: 180)
        XCTAssertEqual(errors(result), [])
        let html = try site.page("big/")
        XCTAssertGreaterThan(html.utf8.count, 20_000_000)
        XCTAssertTrue(html.contains("<h2 id=\"section-\(sections - 1)\">Section \(sections - 1)</h2>"))
    }

    func testTenThousandRowTableBuilds() throws {
        let rows = (0..<10_000).map { "Row \($0),\($0),\($0 * 2)\n" }.joined()
        let (site, result) = try build(["Content/pages/table.md": page("```table caption=\"Big\"\nGroup,2020,2021\n" + rows + "```\n")])
        XCTAssertEqual(errors(result), [])
        let html = try site.page("table/")
        XCTAssertEqual(count("<tr>", in: html), 10_001)
        XCTAssertTrue(html.contains("<tr><td>Row 9999</td><td class=\"num\">9999</td><td class=\"num\">19998</td></tr></tbody>"))
    }

    func testOneMegabyteLinesBuild() throws {
        let links = String(repeating: "word [l](https://www.example.org/) ", count: 30_000)
        XCTAssertGreaterThan(links.utf8.count, 1_000_000)
        let (site, result) = try build([
            "Content/pages/links.md": page(links + "\n"),
            "Content/pages/title.md": "---\ntitle: \(String(repeating: "x", count: 1_000_000))\nsummary: \(String(repeating: "y ", count: 500_000))\n---\n"
                + "## \(String(repeating: "z", count: 1_000_000))\n",
        ])
        XCTAssertEqual(errors(result), [])
        XCTAssertEqual(count("<a href=\"https://www.example.org/\">l</a>", in: try site.page("links/")), 30_000)
        XCTAssertTrue(try site.page("title/").contains("<h2 id=\"\(String(repeating: "z", count: 1_000_000))\">"))
    }

    // MARK: Front matter

    func testDeeplyNestedYAMLIsRefused() throws {
        let (_, result) = try build([
            "Content/pages/lists.md": "---\ntitle: Lists\nsummary: \(String(repeating: "[", count: 10_000))\(String(repeating: "]", count: 10_000))\n---\n",
            "Content/pages/maps.md": "---\ntitle: Maps\nsummary: \(String(repeating: "{a: ", count: 10_000))\(String(repeating: "}", count: 10_000))\n---\n",
            "Content/pages/dashes.md": "---\ntitle: Dashes\nsummary:\n  \(String(repeating: "- ", count: 10_000))x\n---\n",
            // Just inside libyaml's limit: read, and refused as the wrong type, without running out of stack.
            "Content/pages/inside.md": "---\ntitle: Inside\nsummary: \(String(repeating: "[", count: 990))\(String(repeating: "]", count: 990))\n---\n",
        ])
        let deep = "lists and settings are nested more than 1,000 levels deep here; front matter needs only a few levels"
        XCTAssertEqual(errors(result), [
            .error(.malformedYAML, deep, at: Fixture.at("pages/dashes.md", 4, 1999)),
            .error(.wrongType, "'summary' must be text, not a list", at: Fixture.at("pages/inside.md", 3, 10)),
            // libyaml's place for a flow list nested too deep is its second bracket.
            .error(.malformedYAML, deep, at: Fixture.at("pages/lists.md", 3, 11)),
            .error(.malformedYAML, deep, at: Fixture.at("pages/maps.md", 3, 4002)),
        ])
    }

    func testBillionLaughsIsRefused() throws {
        var lines = ["---", "title: Laughs", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let bomb = lines.joined(separator: "\n")
        let (_, result) = try build([
            "Content/pages/as-value.md": bomb + "\nsummary: *a9\n---\n",
            // Yams hashes mapping keys to find duplicates: an aliased key would be walked a billion times.
            "Content/pages/as-key.md": bomb + "\n? *a9\n: x\n---\n",
            "Content/pages/alias-only.md": "---\ntitle: Alias\nsummary: *undefined\n---\n",
        ], bound: 10)
        let message = YAMLDocument.anchorsMessage
        XCTAssertEqual(errors(result), [
            .error(.malformedYAML, message, at: Fixture.at("pages/alias-only.md", 3, 10)),
            .error(.malformedYAML, message, at: Fixture.at("pages/as-key.md", 3, 5)),
            .error(.malformedYAML, message, at: Fixture.at("pages/as-value.md", 3, 5)),
        ])
    }

    func testAmpersandsAndStarsInTextAreNotAnchors() throws {
        let (site, result) = try build([
            "Content/pages/text.md": """
            ---
            title: "*Quoted* & fine"
            summary: Fish & chips, 5 * 3, &c.
            status: |
              *emphasis* and &more
              * a line starting with a star
            ---
            """,
        ])
        XCTAssertEqual(errors(result), [])
        XCTAssertTrue(try site.page("text/").contains("<h1>*Quoted* &amp; fine</h1>"))
    }

    func testHundredThousandIDsInOneList() throws {
        let unknown = (0..<100_000).map { "id-\($0)" }.joined(separator: ", ")
        let (_, refused) = try build(["Content/partnerships/many.md": "---\ntitle: Many\ncontacts: [\(unknown)]\n---\n"])
        XCTAssertEqual(errors(refused).count, 100_000)
        XCTAssertEqual(errors(refused).first, .error(.unknownReference, "unknown contact 'id-0' as a contact", at: Fixture.at("partnerships/many.md", 3, 12)))

        let repeated = Array(repeating: "cc", count: 100_000).joined(separator: ", ")
        let (site, built) = try build([
            "Content/partnerships/many.md": "---\ntitle: Many\ncontacts: [\(repeated)]\n---\n",
            "Content/contacts/cc.md": "---\nname: The contact\n---\n",
        ])
        XCTAssertEqual(built.diagnostics, [
            .warning(.duplicateID, "'cc' is listed more than once in 'contacts'; the repeats are left out", at: Fixture.at("partnerships/many.md", 3, 16)),
        ])
        XCTAssertEqual(count("The contact", in: try site.page("partnerships/many/").components(separatedBy: "<main").last!), 1)
    }

    func testFiftyThousandBrokenFragmentsAreRefused() throws {
        let headings = (0..<50_000).map { "## Heading \($0)\n" }.joined()
        let links = (0..<50_000).map { "[x](#nope-\($0))\n" }.joined()
        let (_, result) = try build(["Content/pages/fragments.md": page(headings + links)])
        XCTAssertEqual(errors(result).count, 50_000)
    }

    func testDeepPriorityChainIsRefused() throws {
        let priorities = (0..<10_000).map { "  - { id: p-\($0), title: Priority \($0)\($0 > 0 ? ", parent: p-\($0 - 1)" : "") }\n" }.joined()
        let (_, result) = try build(["Content/plans/chain.md": "---\ntitle: Chain\npriorities:\n" + priorities + "---\n"])
        XCTAssertEqual(errors(result), [
            .error(.invalidValue, "priority 'p-33' is nested 33 levels deep under 'p-32'; priorities may be nested at most 32 levels deep",
                   at: Fixture.at("plans/chain.md", 37, 45)),
        ])
    }

    func testPriorityRingOfTwoThousandIsRefusedBriefly() throws {
        let priorities = (0..<2_000).map { "  - { id: p-\($0), title: Priority \($0), parent: p-\(($0 + 1) % 2_000) }\n" }.joined()
        let (_, result) = try build(["Content/plans/ring.md": "---\ntitle: Ring\npriorities:\n" + priorities + "---\n"])
        XCTAssertEqual(errors(result).count, 2_000)
        XCTAssertEqual(errors(result).first?.message,
                       "priority 'p-0' is its own ancestor: p-0 -> p-1 -> p-2 -> p-3 -> p-4 -> p-5 -> p-6 -> p-7 -> p-8 -> p-9 -> … -> p-0; "
                       + "a priority's parent must be a priority above it")
    }
}
