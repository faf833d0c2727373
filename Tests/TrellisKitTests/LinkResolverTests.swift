import Markdown
import XCTest
@testable import TrellisKit

/// Where each link in a body goes, and which links are refused.
final class LinkResolverTests: XCTestCase {
    private let index = Fixture.index([
        "partnerships/gosport.md": "---\ntitle: Gosport\n---\n## Aims\n\n## Risks\n",
        "partnerships/havant.md": "---\ntitle: Havant\n---\n",
        "plans/cypp.md": "---\ntitle: Plan\npriorities:\n  - id: cyp-1\n    title: Poverty\n---\n",
        "measures/neet-16-18.md": "---\ntitle: NEET\n---\n",
        "contacts/manager.md": "---\nname: Manager\n---\n",
        "pages/about.md": "---\ntitle: About\n---\n",
    ], assets: ["map.png", "reports/annual report.pdf"])

    /// Resolves a link written on body line 2, column 5, of `from` (a site reference such as `partnerships/gosport`).
    private func resolve(_ destination: String, from: String = "partnerships/gosport", image: Bool = false) -> LinkResolver.Outcome {
        let document = index.document(reference: from)!
        return LinkResolver(index: index).resolve(MarkdownLink(destination: destination, line: 2, column: 5, isImage: image), in: document)
    }

    /// The place of that link in the file: body line 2 is file line 2 + the front matter's lines.
    private func place(_ from: String = "partnerships/gosport") -> SourceLocation {
        let document = index.document(reference: from)!
        return SourceLocation(file: document.path, line: 2 + document.bodyLineOffset, column: 5)
    }

    private func assertRewrite(_ destination: String, from: String = "partnerships/gosport", _ expected: LinkRewrite, file: StaticString = #filePath, line: UInt = #line) {
        let outcome = resolve(destination, from: from)
        XCTAssertEqual(outcome.rewrite, expected, destination, file: file, line: line)
        XCTAssertNil(outcome.diagnostic, destination, file: file, line: line)
    }

    private func assertRefused(_ destination: String, from: String = "partnerships/gosport", _ diagnostic: Diagnostic, file: StaticString = #filePath, line: UInt = #line) {
        let outcome = resolve(destination, from: from)
        XCTAssertEqual(outcome.rewrite, .remove, destination, file: file, line: line)
        XCTAssertEqual(outcome.diagnostic, diagnostic, destination, file: file, line: line)
    }

    // MARK: Relative links to documents

    func testRelativeMarkdownLinksBecomeRelativePageURLs() {
        assertRewrite("havant.md", .replace("../../partnerships/havant/"))
        assertRewrite("./havant.md", .replace("../../partnerships/havant/"))
        assertRewrite("../plans/cypp.md", .replace("../../plans/cypp/"))
        assertRewrite("../pages/about.md", .replace("../../about/"))
        assertRewrite("../partnerships/gosport.md", from: "pages/about", .replace("../partnerships/gosport/"))
        assertRewrite("../../Content/partnerships/havant.md", .replace("../../partnerships/havant/"))
    }

    func testAFragmentIsKeptAndCheckedLater() {
        let outcome = resolve("havant.md#section-members")
        XCTAssertEqual(outcome.rewrite, .replace("../../partnerships/havant/#section-members"))
        XCTAssertEqual(outcome.fragmentCheck, FragmentCheck(target: "partnerships/havant", fragment: "section-members", location: place()))
        XCTAssertNil(outcome.diagnostic)
    }

    func testAFragmentOnTheSamePageIsKeptAndChecked() {
        let outcome = resolve("#risks")
        XCTAssertEqual(outcome.rewrite, .keep)
        XCTAssertEqual(outcome.fragmentCheck, FragmentCheck(target: "partnerships/gosport", fragment: "risks", location: place()))
    }

    func testAnUnknownDocumentIsAnErrorWithTheNearestId() {
        assertRefused("havnt.md", .error(.unknownReference, "no partnership 'havnt' (Content/partnerships/havnt.md) (did you mean 'havant'?)", at: place()))
        assertRefused("../plans/cyp.md", .error(.unknownReference, "no plan 'cyp' (Content/plans/cyp.md) (did you mean 'cypp'?)", at: place()))
    }

    func testALinkToAFolderOrAStrayFileIsAnError() {
        assertRefused("../", .error(.unknownReference, "'../' is not a document in Content/ or a file in Content/assets/", at: place()))
        assertRefused("../assets/", .error(.missingAsset, "no file Content/assets/; put the file in Content/assets/ or correct the link", at: place()))
        assertRefused("../havant.md", .error(.unknownReference, "'../havant.md' is not a document in Content/ or a file in Content/assets/; documents live in a folder such as ../partnerships/", at: place()))
    }

    func testALinkOutsideContentIsAnError() {
        assertRefused("../../README.md", .error(.unknownReference, "'../../README.md' points outside Content/; link to a file in Content/ or to an https:// address", at: place()))
        assertRefused("../../../../../etc/passwd", .error(.unknownReference, "'../../../../../etc/passwd' points outside Content/; link to a file in Content/ or to an https:// address", at: place()))
    }

    // MARK: Generated pages

    func testPriorityMeasureAndContactLinksPointAtTheirPages() {
        assertRewrite("priority:cyp-1", .replace("../../priorities/cyp-1/"))
        assertRewrite("measure:neet-16-18", .replace("../../measures/neet-16-18/"))
        assertRewrite("contact:manager", .replace("../../contacts/manager/"))
        assertRewrite("measure:neet-16-18", from: "pages/about", .replace("../measures/neet-16-18/"))
    }

    func testUnknownPriorityMeasureAndContactLinksAreErrors() {
        assertRefused("priority:cyp-2", .error(.unknownReference, "unknown priority 'cyp-2' (did you mean 'cyp-1'?)", at: place()))
        assertRefused("measure:neet-16-19", .error(.unknownReference, "unknown measure 'neet-16-19' (did you mean 'neet-16-18'?)", at: place()))
        assertRefused("contact:nobody-at-all", .error(.unknownReference, "unknown contact 'nobody-at-all'", at: place()))
    }

    func testAFragmentOnAMeasureOrContactLinkIsKeptAndChecked() {
        let outcome = resolve("measure:neet-16-18#section-data")
        XCTAssertEqual(outcome.rewrite, .replace("../../measures/neet-16-18/#section-data"))
        XCTAssertNil(outcome.diagnostic)
        XCTAssertEqual(outcome.fragmentCheck, FragmentCheck(target: "measures/neet-16-18", fragment: "section-data", location: place()))
    }

    // MARK: Assets

    func testAssetLinksAreCheckedAndRewritten() {
        assertRewrite("../assets/map.png", .replace("../../assets/map.png"))
        assertRewrite("../assets/reports/annual%20report.pdf", .replace("../../assets/reports/annual report.pdf"))
        assertRewrite("../assets/map.png", from: "pages/about", .replace("../assets/map.png"))
        let outcome = resolve("../assets/map.png", image: true)
        XCTAssertEqual(outcome.rewrite, .replace("../../assets/map.png"))
    }

    func testAMissingAssetIsAnError() {
        assertRefused("../assets/mapp.png", .error(.missingAsset, "no file Content/assets/mapp.png (did you mean 'map.png'?); put the file in Content/assets/ or correct the link", at: place()))
    }

    // MARK: Schemes

    func testWebAndMailLinksAreKeptAsWritten() {
        for destination in ["https://www.gov.uk/", "http://example.org/a#b", "mailto:team@example.org", "tel:+441234567890"] {
            assertRewrite(destination, .keep)
        }
    }

    func testCodeRunningSchemesAreRefused() {
        for (destination, scheme) in [("javascript:alert(1)", "javascript"), ("JavaScript:alert(1)", "javascript"), (" javascript:alert(1)", "javascript"),
                                      ("vbscript:msgbox(1)", "vbscript"), ("data:text/html;base64,PHNjcmlwdD4=", "data"), ("file:///etc/passwd", "file")] {
            assertRefused(destination, .error(.unsafeLink, "a '\(scheme):' link is not allowed, since it could run code or hide content in the page; link to a page or an https:// address", at: place()))
        }
    }

    func testAnUnusualSchemeIsKeptWithAWarning() {
        let outcome = resolve("ssh://host")
        XCTAssertEqual(outcome.rewrite, .keep)
        XCTAssertEqual(outcome.diagnostic, .warning(.unsafeLink, "'ssh:' links are unusual; check this link (priority:, measure:, contact:, https: and mailto: are the usual kinds)", at: place()))
    }

    func testASiteRootLinkIsKeptWithAWarning() {
        let outcome = resolve("/partnerships/havant/")
        XCTAssertEqual(outcome.rewrite, .keep)
        XCTAssertEqual(outcome.diagnostic, .warning(.unknownReference, "a link starting with '/' bypasses Trellis's checks and breaks when the site is published under a folder; link to the file relatively, like ../partnerships/gosport.md", at: place()))
    }

    // MARK: URLs between pages

    func testRelativeURLsBetweenSitePaths() {
        XCTAssertEqual(URLPath.relative(from: "", to: "plans/x/"), "plans/x/")
        XCTAssertEqual(URLPath.relative(from: "", to: ""), "./")
        XCTAssertEqual(URLPath.relative(from: "plans/x/", to: ""), "../../")
        XCTAssertEqual(URLPath.relative(from: "about/", to: "theme/style.css"), "../theme/style.css")
        XCTAssertEqual(URLPath.relative(from: "404.html", to: "plans/"), "plans/")
        // Deeper than the prefixes made once.
        XCTAssertEqual(URLPath.relative(from: "a/b/c/d/e/f/g/", to: "x/"), "../../../../../../../x/")
        XCTAssertEqual(URLPath.relative(from: "a/b/c/d/e/", to: ""), "../../../../../")
    }

    func testPathPartsSplitAtSlashesOnly() {
        XCTAssertEqual("Content/plans/cypp.md".pathParts(), ["Content", "plans", "cypp.md"])
        XCTAssertEqual("/a//b/".pathParts(), ["a", "b"])
        XCTAssertEqual("/a//b/".pathParts(keepingEmpty: true), ["", "a", "", "b", ""])
        XCTAssertEqual("".pathParts(), [])
        XCTAssertEqual("".pathParts(keepingEmpty: true), [""])
        XCTAssertEqual("café/naïve e\u{301}/x".pathParts(), ["café", "naïve e\u{301}", "x"])
    }
}
