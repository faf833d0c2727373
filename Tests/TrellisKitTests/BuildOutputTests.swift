import XCTest
@testable import TrellisKit

/// What a whole build writes: drafts, escaping, safe HTML, identical bytes, stale files, atomic replacement.
final class BuildOutputTests: XCTestCase {
    private let gosport = "---\ntitle: Gosport\n---\nText.\n"

    /// Every written file a browser reads as markup: HTML pages, the sitemap and the feed.
    private func allHTML(_ site: TestSite, in folder: URL? = nil) throws -> [(String, String)] {
        try site.writtenFiles(in: folder).filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") || $0.hasSuffix(".atom") }
            .map { ($0, try site.page($0, in: folder)) }
    }

    // MARK: Drafts

    func testDraftsAreLeftOutUnlessAskedFor() throws {
        let site = try makeSite([
            "Content/partnerships/gosport.md": gosport,
            "Content/partnerships/havant.md": "---\ntitle: Havant draft partnership\ndraft: true\n---\n",
        ])
        buildClean(site)
        XCTAssertFalse(site.exists("partnerships/havant/index.html"))
        for (path, text) in try allHTML(site) {
            XCTAssertFalse(text.contains("havant"), "\(path) mentions the draft")
        }
        buildClean(site, drafts: true)
        XCTAssertTrue(try site.page("partnerships/havant/").contains("<h1>Havant draft partnership</h1>"))
        XCTAssertTrue(try site.page("partnerships/").contains("href=\"../partnerships/havant/\""))
        XCTAssertTrue(try site.page("sitemap.xml").contains("partnerships/havant/"))
    }

    func testADraftPlansPrioritiesAreLeftOutToo() throws {
        let site = try makeSite([
            "Content/plans/next.md": "---\ntitle: Next plan\ndraft: true\npriorities:\n  - id: next-1\n    title: Next\n---\n",
        ])
        buildClean(site)
        XCTAssertFalse(site.exists("priorities/next-1/index.html"))
        XCTAssertFalse(try site.page("priorities/").contains("next-1"))
    }

    // MARK: Escaping

    func testTextFromContentIsEscapedEverywhere() throws {
        let site = try makeSite([
            "Content/site.yml": """
            title: 'Trust <script>alert("site")</script>'
            base_url: https://www.example.org/
            licence: '<script>alert("licence")</script>'
            """,
            "Content/partnerships/gosport.md": """
            ---
            title: '<script>alert(1)</script> "Quoted" & ''single'''
            summary: 'x" onmouseover="alert(2)'
            type: '<script>alert(3)</script>'
            area: '<script>alert(4)</script>'
            meets: '<script>alert(5)</script>'
            members:
              - { name: '<script>alert(6)</script>', role: '<img src=x onerror=alert(7)>' }
            risks:
              - { title: '<script>alert(8)</script>', mitigation: '<img src=x onerror=alert(9)>' }
            chair: evil
            ---
            """,
            "Content/contacts/evil.md": "---\nname: '<script>alert(10)</script>'\nrole: '<script>alert(11)</script>'\nemail: 'a\"b@example.org'\n---\n",
            "Content/measures/m.md": "---\ntitle: '<script>alert(12)</script>'\ncode: '<b>NI</b> 1'\nunit: '<i>u</i>'\nactuals:\n  - { period: '<script>', value: 1 }\n---\n",
            "Content/plans/p.md": "---\ntitle: Plan\npriorities:\n  - id: p-1\n    label: '<script>alert(13)</script>'\n    title: '<script>alert(14)</script>'\n    measures: [m]\n---\n",
            "Content/frameworks/f.md": """
            ---
            title: '<script>alert(15)</script>'
            consultation:
              opens: 2011-01-01
              closes: 2011-02-28
              respond: { email: 'a"b@example.org', address: '<script>alert(16)</script>' }
            ---
            """,
        ])
        buildClean(site)
        let pages = try allHTML(site)
        XCTAssertGreaterThan(pages.count, 10)
        for (path, text) in pages {
            XCTAssertFalse(text.contains("<script>alert"), "\(path) holds an unescaped script")
            XCTAssertFalse(text.contains("<img src=x"), "\(path) holds an unescaped img")
            XCTAssertFalse(text.contains("onmouseover=\"alert"), "\(path) lets a summary out of its attribute")
            XCTAssertFalse(text.contains("<b>NI</b>"), "\(path) holds unescaped markup from a code")
            XCTAssertFalse(text.contains("a\"b@example.org"), "\(path) lets an email out of its attribute")
        }
        let partnership = try site.page("partnerships/gosport/")
        XCTAssertTrue(partnership.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &quot;Quoted&quot; &amp; &#39;single&#39;</h1>")
                      || partnership.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &quot;Quoted&quot; &amp; &#x27;single&#x27;</h1>"),
                      "the title is escaped in the h1")
        XCTAssertTrue(partnership.contains("&lt;script&gt;alert(6)&lt;/script&gt;"), "member names are shown, escaped")
        XCTAssertTrue(partnership.contains("&lt;script&gt;alert(8)&lt;/script&gt;"), "risks are shown, escaped")
        XCTAssertTrue(partnership.contains("Trust &lt;script&gt;alert(&quot;site&quot;)&lt;/script&gt;"), "the site title is shown, escaped")
    }

    // MARK: Safe Markdown

    func testRawHTMLInABodyIsLeftOut() throws {
        let site = try makeSite([
            "Content/pages/about.md": "---\ntitle: About\n---\nBefore.\n\n<div class=\"raw\">raw block</div>\n\n<script>alert(1)</script>\n\nInline <span onclick=\"alert(2)\">span</span> after.\n",
        ])
        buildClean(site)
        let about = try site.page("about/")
        XCTAssertTrue(about.contains("Before."))
        XCTAssertFalse(about.contains("<div class=\"raw\">"))
        XCTAssertFalse(about.contains("<script>alert"))
        XCTAssertFalse(about.contains("onclick"))
    }

    func testRawHTMLIsPassedThroughOnlyWhenSiteYmlSaysSo() throws {
        let site = try makeSite([
            "Content/site.yml": TestSite.settings + "\nunsafe_html: true\n",
            "Content/pages/about.md": "---\ntitle: About\n---\n<div class=\"raw\">raw block</div>\n",
        ])
        buildClean(site)
        XCTAssertTrue(try site.page("about/").contains("<div class=\"raw\">raw block</div>"))
    }

    func testAJavascriptLinkIsAnErrorAndNeverReachesAPage() throws {
        let site = try makeSite([
            "Content/pages/about.md": "---\ntitle: About\n---\nText\n\n[Click](javascript:alert(1)) and <javascript:alert(2)> and ![x](data:image/svg+xml;base64,PHN2Zz4=)\n\n[ref]: vbscript:msgbox(1)\n\nSee [ref].\n",
        ])
        let result = site.build()
        let unsafe = "since it could run code or hide content in the page; link to a page or an https:// address"
        XCTAssertEqual(result.diagnostics, [
            .error(.unsafeLink, "a 'javascript:' link is not allowed, \(unsafe)", at: SourceLocation(file: "Content/pages/about.md", line: 6, column: 1)),
            .error(.unsafeLink, "a 'javascript:' link is not allowed, \(unsafe)", at: SourceLocation(file: "Content/pages/about.md", line: 6, column: 34)),
            .error(.unsafeLink, "a 'data:' link is not allowed, \(unsafe)", at: SourceLocation(file: "Content/pages/about.md", line: 6, column: 60)),
            .error(.unsafeLink, "a 'vbscript:' link is not allowed, \(unsafe)", at: SourceLocation(file: "Content/pages/about.md", line: 10, column: 5)),
        ])
        XCTAssertFalse(result.wrote)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testAnUnsafeAddressInFrontMatterIsAnError() throws {
        let site = try makeSite([
            "Content/site.yml": TestSite.settings + "\norganisation: { name: Council, url: 'javascript:alert(1)' }\n",
            "Content/frameworks/f.md": """
            ---
            title: Family support
            consultation:
              opens: 2011-01-01
              closes: 2011-02-28
              respond: { url: 'javascript:alert(2)' }
              held_elsewhere: 'data:text/html,x'
            ---
            """,
        ])
        let result = site.build()
        let unsafe = "since it could run code in the page; write an address starting https://"
        XCTAssertEqual(result.diagnostics, [
            .error(.unsafeLink, "a 'javascript:' address is not allowed for 'url', \(unsafe)", at: SourceLocation(file: "Content/frameworks/f.md", line: 6, column: 19)),
            .error(.unsafeLink, "a 'data:' address is not allowed for 'held_elsewhere', \(unsafe)", at: SourceLocation(file: "Content/frameworks/f.md", line: 7, column: 19)),
            .error(.unsafeLink, "a 'javascript:' address is not allowed for 'url', \(unsafe)", at: SourceLocation(file: "Content/site.yml", line: 3, column: 37)),
        ])
        XCTAssertFalse(result.wrote)
    }

    // MARK: Output

    func testTwoBuildsAtTheSameNowAreByteForByteIdentical() throws {
        let site = try makeSite(SmallSite.files)
        let elsewhere = site.root.appendingPathComponent("Second")
        buildClean(site)
        let first = site.snapshot()
        let result = site.build(output: elsewhere)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(Array(first.keys).sorted(), Array(site.snapshot(of: elsewhere).keys).sorted())
        for (path, data) in site.snapshot(of: elsewhere) where first[path] != data {
            XCTFail("\(path) differs between two builds")
        }
        buildClean(site)
        XCTAssertEqual(site.snapshot(), first, "a rebuild in place changed the output")
    }

    func testWhatRenderKeepsInMemoryIsWhatBuildWrites() throws {
        // `build` streams files into the staging folder as they are rendered; `render` (the preview) keeps them.
        let site = try makeSite(SmallSite.files)
        let result = buildClean(site)
        let written = site.snapshot()
        let (rendered, files) = Builder.render(BuildOptions(site: site.root, now: Date(timeIntervalSince1970: 0), nowWritten: WrittenTime.parse(TestSite.now)))
        XCTAssertEqual(rendered.diagnostics, [])
        XCTAssertEqual(rendered.fileCount, result.fileCount)
        XCTAssertEqual(rendered.pageCount, result.pageCount)
        XCTAssertEqual(files.count, written.count)
        XCTAssertEqual(files, written)
    }

    func testABuildAtAnotherNowSaysSo() throws {
        let site = try makeSite(["Content/partnerships/gosport.md": gosport])
        buildClean(site, now: "2011-06-30T17:00")
        XCTAssertEqual(try site.page("build.json"), "{\"next_change\":null,\"now\":\"2011-06-30T17:00:00+01:00\"}\n")
    }

    func testFilesThatNoLongerHaveASourceAreGoneAfterARebuild() throws {
        let site = try makeSite(["Content/partnerships/gosport.md": gosport, "Content/partnerships/havant.md": gosport, "Content/assets/map.png": "png"])
        buildClean(site)
        XCTAssertTrue(site.exists("partnerships/havant/index.html"))
        XCTAssertTrue(site.exists("assets/map.png"))
        try "stray".write(to: site.output.appendingPathComponent("stray.html"), atomically: true, encoding: .utf8)
        try site.remove("Content/partnerships/havant.md")
        try site.remove("Content/assets/map.png")
        buildClean(site)
        XCTAssertFalse(site.exists("partnerships/havant"))
        XCTAssertFalse(site.exists("assets/map.png"))
        XCTAssertFalse(site.exists("stray.html"))
        XCTAssertTrue(site.exists("partnerships/gosport/index.html"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }, [], "a staging folder was left behind")
    }

    func testAFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let site = try makeSite(SmallSite.files)
        buildClean(site)
        let before = site.snapshot()
        XCTAssertGreaterThan(before.count, 20)
        try site.write("Content/partnerships/gosport.md", "---\ntitle: Gosport\nparent: nowhere\n---\n")
        let result = site.build()
        XCTAssertTrue(result.failed)
        XCTAssertFalse(result.wrote)
        XCTAssertEqual(site.snapshot(), before)
    }

    func testCheckWritesNothing() throws {
        let site = try makeSite(SmallSite.files)
        let result = site.build(write: false)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertFalse(result.wrote)
        XCTAssertGreaterThan(result.pageCount, 20)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path), ["Content"])
    }

    func testAnOutputFolderElsewhereIsUsedAndPublicIsNotTouched() throws {
        let site = try makeSite(["Content/partnerships/gosport.md": gosport])
        let elsewhere = site.root.appendingPathComponent("deploy/site")
        let result = site.build(output: elsewhere)
        XCTAssertTrue(result.wrote)
        XCTAssertTrue(site.exists("partnerships/gosport/index.html", in: elsewhere))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testAnOutputFolderThatWouldReplaceTheSiteIsRefused() throws {
        let site = try makeSite(["Content/partnerships/gosport.md": gosport])
        for output in [site.root, site.root.appendingPathComponent("Content"), site.root.appendingPathComponent("Content/pages")] {
            let result = site.build(output: output)
            XCTAssertFalse(result.wrote, output.path)
            XCTAssertEqual(result.diagnostics.map(\.code), [.output], output.path)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/partnerships/gosport.md").path))
    }

    func testEveryProblemInTheSiteIsReportedNotOnlyTheFirst() throws {
        let site = try makeSite([
            "Content/partnerships/a.md": "---\ntitle: A\nparent: nowhere\n---\n",
            "Content/partnerships/b.md": "---\nsummary: no title\n---\n",
            "Content/partnerships/c.md": "---\ntitle: C\n---\n[x](priority:nope)\n",
            "Content/partnerships/D.md": "---\ntitle: D\n---\n",
        ])
        let result = site.build()
        XCTAssertEqual(result.diagnostics.map { $0.location?.description ?? "" }, [
            "Content/partnerships/D.md", "Content/partnerships/a.md:3:9", "Content/partnerships/b.md:2:1", "Content/partnerships/c.md:4:1",
        ])
        XCTAssertFalse(result.wrote)
    }
}
