import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import TrellisKit

/// Hostile values in every field that reaches a page (issue 8): each value of the catalogue is
/// put in every text field of a site with every kind of document, the site is built, and every
/// file written is audited by `OutputAudit`: HTML with no inline script or style, no event
/// handler, no javascript:/vbscript:/data: URL and JSON-LD that cannot close its script; JSON
/// and XML that parse; an iCalendar file with no injected lines; CSV with no formula cells.
/// Fields that hold an address only take https:, and links that could run code are refused.
final class EscapingCatalogueTests: XCTestCase {
    /// Script, event handlers, script-capable URLs (and entity-encoded and mixed-case ones), a
    /// template tag, spreadsheet formulas, and line breaks that could start an iCalendar property.
    static let catalogue = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "</script><script>alert(1)</script>",
        "<!--<script>",
        "{{mustache}}{{{triple}}}",
        "=HYPERLINK(\"http://example.com\",\"x\")",
        "+1",
        "-2+3",
        "@SUM(1)",
        "\tTAB=1",
        "line one\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
        "line\nDTSTART:20000101T000000Z",
        "back\\slash;semi,comma",
    ]

    /// `text` as a YAML double-quoted scalar.
    private func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `text` as one CSV cell of a `table` block.
    private func cell(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A site with `value` in every field that reaches a page, and a body that uses it as text,
    /// heading, link text, image alt text, table caption and cells.
    private func files(_ value: String) -> [String: String] {
        let v = yaml(value)
        let query = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let address = yaml("https://www.example.org/?q=" + value)
        let oneLine = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let body = """
        \(oneLine)

        ## \(oneLine)

        A [\(oneLine)](https://www.example.org/?q=\(query)) and ![\(oneLine)](../assets/diagram.svg) and
        [a quote](<https://www.example.org/"onmouseover="alert(1)>) and <b onclick="x">raw</b> and `\(oneLine)`.

        <script>alert(1)</script>

        ```table caption="\(oneLine)"
        \(cell(value)),Value
        \(cell(value)),\(cell(value))
        \(cell(value)),12
        ```
        """
        return [
            "Content/site.yml": """
            title: \(v)
            base_url: https://www.example.org/trust/
            organisation: { name: \(v), url: \(address) }
            licence: \(v)
            banners:
              - { message: \(v), from: 2011-01-01, until: 2011-12-31 }
            accessibility:
              email: \(v)
              telephone: \(v)
              telephone_hours: \(v)
              response_time: \(v)
              compliance: partial
              issues: [\(v)]
              prepared: 2010-09-30
              tested: 2010-09-30
              tested_by: \(v)
            """,
            "Content/assets/diagram.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "Content/partnerships/board.md": """
            ---
            title: \(v)
            summary: \(v)
            type: \(v)
            area: \(v)
            meets: \(v)
            chair: chair-role
            contacts: [chair-role]
            members:
              - { name: \(v), sector: \(v), role: \(v) }
              - \(v)
            priorities: [p-1]
            measures: [m-1]
            documents: [plans/plan]
            risks:
              - { title: \(v), mitigation: \(v) }
            ---
            \(body)
            """,
            "Content/partnerships/child.md": "---\ntitle: \(v)\nsummary: \(v)\nparent: board\n---\n\(body)\n",
            "Content/plans/plan.md": """
            ---
            title: \(v)
            summary: \(v)
            owner: board
            status: adopted
            period: { from: 2009-04-01, to: 2012-03-31 }
            priorities:
              - { id: p-1, label: \(v), title: \(v), measures: [m-1] }
              - { id: p-2, label: \(v), title: \(v), parent: p-1 }
            ---
            \(body)
            """,
            "Content/frameworks/open.md": """
            ---
            title: \(v)
            summary: \(v)
            owner: board
            status: consultation
            priorities: [p-1]
            measures: [m-1]
            consultation:
              opens: 2011-01-01
              closes: 2011-02-28T17:00
              respond: { url: \(address), email: \(v), address: \(v) }
              extensions: [{ previous_closes: 2011-01-31, reason: \(v) }]
            ---
            \(body)
            """,
            "Content/frameworks/done.md": """
            ---
            title: \(v)
            summary: \(v)
            status: adopted
            consultation:
              opens: 2010-09-01
              closes: 2010-10-01
              outcome: { published: 2010-12-01, summary: \(v), url: \(address) }
            ---
            \(body)
            """,
            "Content/frameworks/elsewhere.md": """
            ---
            title: \(v)
            summary: \(v)
            status: consultation
            consultation:
              opens: 2011-03-01
              closes: 2011-04-01
              held_elsewhere: \(address)
            ---
            """,
            "Content/measures/m-1.md": """
            ---
            title: \(v)
            summary: \(v)
            code: \(v)
            definition: \(v)
            source: \(v)
            unit: \(v)
            polarity: higher-is-better
            baseline: { period: \(v), value: 1 }
            targets: [{ period: \(v), value: 2 }]
            actuals: [{ period: \(yaml(value + " 1")), value: 3 }, { period: \(yaml(value + " 2")), value: -4 }]
            ---
            \(body)
            """,
            "Content/contacts/chair-role.md": """
            ---
            name: \(v)
            summary: \(v)
            role: \(v)
            organisation: \(v)
            email: \(v)
            telephone: \(v)
            address: \(v)
            ---
            \(body)
            """,
            "Content/pages/about.md": "---\ntitle: \(v)\nsummary: \(v)\n---\n\(body)\n",
        ]
    }

    func testEveryHostileValueInEveryFieldIsInert() throws {
        for value in Self.catalogue {
            let site = try makeSite(files(value))
            let result = site.build(now: "2011-01-20T12:00")
            XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.formatted), [], "building with \(value.debugDescription)")
            guard result.wrote else { continue }
            let written = site.snapshot()
            XCTAssertGreaterThan(written.count, 40)
            for (path, data) in written.sorted(by: { $0.key < $1.key }) {
                XCTAssertEqual(OutputAudit.problems(path: path, data: data), [], "\(path) with \(value.debugDescription)")
            }
            // A spreadsheet that splits cells at ";" (lists of members, contacts ...) sees each item as a cell.
            for (path, data) in written where path.hasSuffix(".csv") {
                for cell in (OutputAudit.parseCSV(String(decoding: data, as: UTF8.self)) ?? []).joined() {
                    XCTAssertFalse(cell.split(separator: ";").contains { OutputAudit.isFormula(String($0)) }, "\(path): \(cell)")
                }
            }
            // The value did reach the pages, as text: escaped, not dropped.
            let board = try site.page("partnerships/board/")
            let escaped = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
            let firstLine = escaped.components(separatedBy: CharacterSet.newlines).first!
            XCTAssertTrue(board.contains(firstLine), "the partnership page shows \(value.debugDescription)")
            for path in written.keys where path.hasSuffix(".html") {
                let html = try site.page(path)
                XCTAssertFalse(html.contains("<script>alert") || html.contains("<img src=x") || html.contains("<b onclick"), "\(path) holds raw markup from content")
            }
            // And reached every other output as the same text, so the audit above saw it there.
            XCTAssertEqual(missing(value, in: written), [], "outputs without \(value.debugDescription)")
        }
    }

    /// `text` with each run of white space (line breaks and tabs too) as one space, trimmed:
    /// outputs may fold or collapse white space, which is not what this test is about.
    private func plain(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The outputs (Atom titles, iCalendar summaries, partnership CSV cells, JSON-LD strings)
    /// where `value`, decoded as that format decodes it, does not appear.
    private func missing(_ value: String, in written: [String: Data]) -> [String] {
        let wanted = plain(value)
        var missing: [String] = []
        if !atomTitles(written["feed.atom"] ?? Data()).contains(where: { plain($0) == wanted }) { missing.append("feed.atom") }
        if !iCalendarSummaries(written["consultations.ics"] ?? Data()).contains(where: { plain($0) == plain("Consultation: " + value) }) {
            missing.append("consultations.ics")
        }
        let rows = OutputAudit.parseCSV(String(decoding: written["data/partnerships.csv"] ?? Data(), as: UTF8.self)) ?? []
        // A neutralised cell is the value behind a "'".
        if !rows.joined().contains(where: { plain($0) == wanted || ($0.hasPrefix("'") && plain(String($0.dropFirst())) == wanted) }) {
            missing.append("data/partnerships.csv")
        }
        let board = String(decoding: written["partnerships/board/index.html"] ?? Data(), as: UTF8.self)
        if !jsonLDStrings(board).contains(where: { plain($0) == wanted }) { missing.append("JSON-LD of partnerships/board/") }
        return missing
    }

    /// The text of every `<title>` of an Atom feed, as an XML parser reads it.
    private func atomTitles(_ data: Data) -> [String] {
        final class Titles: NSObject, XMLParserDelegate {
            var titles: [String] = []
            var current: String?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "title" { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "title", let text = current { titles.append(text) }
                current = nil
            }
        }
        let titles = Titles()
        let parser = XMLParser(data: data)
        parser.delegate = titles
        XCTAssertTrue(parser.parse(), "feed.atom parses")
        return titles.titles
    }

    /// Each SUMMARY of an iCalendar file, unfolded and unescaped (RFC 5545 3.1 and 3.3.11).
    private func iCalendarSummaries(_ data: Data) -> [String] {
        let unfolded = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        return unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("SUMMARY:") }.map { line in
            var text = "", escaped = false
            for character in line.dropFirst("SUMMARY:".count) {
                if escaped {
                    text.append(character == "n" || character == "N" ? "\n" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else {
                    text.append(character)
                }
            }
            return text
        }
    }

    /// Every string in the page's JSON-LD blocks, decoded.
    private func jsonLDStrings(_ html: String) -> [String] {
        var strings: [String] = []
        func collect(_ value: Any) {
            if let text = value as? String { strings.append(text) }
            if let array = value as? [Any] { array.forEach(collect) }
            if let object = value as? [String: Any] { object.values.forEach(collect) }
        }
        for block in html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst() {
            guard let end = block.range(of: "</script>"),
                  let json = try? JSONSerialization.jsonObject(with: Data(block[..<end.lowerBound].utf8)) else { continue }
            collect(json)
        }
        return strings
    }

    func testTheAuditCatchesWhatItLooksFor() {
        // Each rule of the audit fails on the thing it exists to catch, so a clean run means something.
        let pages = [
            "<p>x</p><script>alert(1)</script>": "inline <script>",
            "<img src=x onerror=alert(1)>": "event-handler attribute onerror",
            "<a href=\"&#106;avascript:alert(1)\">x</a>": "javascript: URL in href",
            "<a href=\" JaVaScRiPt:alert(1)\">x</a>": "javascript: URL in href",
            "<iframe src=\"data:text/html,x\"></iframe>": "element <iframe>",
            "<p style=\"color:red\">x</p>": "inline style attribute",
            "<script type=\"application/ld+json\">{\"a\":\"</b>\"}</script>": "raw </ or <!-- in JSON-LD",
            "<script type=\"application/ld+json\">{\"a\":\"</script>\"}</script>": "JSON-LD that does not parse",
        ]
        for (html, rule) in pages {
            XCTAssertTrue(HTMLAudit.findings(in: html).contains { $0.rule == rule }, "\(html) should break \(rule)")
        }
        XCTAssertEqual(HTMLAudit.findings(in: "<script src=\"a.js\" defer></script><p title=\"onclick=x\">on=1 javascript:x</p>"), [])
        XCTAssertEqual(OutputAudit.csvProblems("a,b\r\n=1+1,-2+3\r\n-3.5,+2\r\n"), ["formula-like cell =1+1", "formula-like cell -2+3"])
        XCTAssertEqual(OutputAudit.iCalendarProblems("BEGIN:VCALENDAR\r\nSUMMARY:a\r\nBEGIN:VEVENT\r\n x\r\n"), [])
        XCTAssertEqual(OutputAudit.iCalendarProblems("BEGIN:VCALENDAR\r\nSUMMARY:a\r\nATTACH:x\r\n"), ["unexpected property line: ATTACH:x"])
    }

    /// Script-capable addresses are refused where an address is written: body links and images,
    /// and the address fields of site.yml and consultations.
    func testScriptCapableAddressesAreRefused() throws {
        let schemes = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html,x", " javascript:alert(1)"]
        for url in schemes {
            let site = try makeSite([
                "Content/pages/links.md": "---\ntitle: Links\n---\n[a](\(url))\n\n![b](\(url))\n\n[c](&#106;avascript:alert(1))\n",
                "Content/frameworks/consult.md": """
                ---
                title: Consult
                consultation:
                  opens: 2010-09-01
                  closes: 2010-10-01
                  respond: { url: \(yaml(url)) }
                  held_elsewhere: \(yaml(url))
                  outcome: { published: 2010-12-01, url: \(yaml(url)) }
                ---
                """,
            ])
            let result = site.build()
            let scheme = url.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }.lowercased()
            let link = "a '\(scheme):' link is not allowed, since it could run code or hide content in the page; link to a page or an https:// address"
            let field = { (key: String) in
                "a '\(scheme):' address is not allowed for '\(key)', since it could run code in the page; write an address starting https://"
            }
            let javascriptLink = "a 'javascript:' link is not allowed, since it could run code or hide content in the page; link to a page or an https:// address"
            XCTAssertEqual(result.diagnostics.filter { $0.code == .unsafeLink }.map(\.message).sorted(), [
                field("held_elsewhere"), field("url"), field("url"), link, link, javascriptLink,
            ].sorted(), url)
            XCTAssertFalse(result.wrote)
        }
    }
}
