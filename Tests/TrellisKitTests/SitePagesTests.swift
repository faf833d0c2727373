import XCTest
@testable import TrellisKit

/// A small site built into a temporary folder: every kind of page, with its connections both ways.
/// The tests only read what it wrote, so it is built once for all of them.
final class SitePagesTests: XCTestCase {
    private static let built = Result<(TestSite, BuildResult), Error> {
        let site = try TestSite(SmallSite.files)
        return (site, site.build())
    }
    private var site: TestSite!

    override func setUpWithError() throws {
        let (site, result) = try Self.built.get()
        XCTAssertEqual(result.diagnostics.map(\.formatted), [], "the small site should build without a problem")
        XCTAssertTrue(result.wrote)
        self.site = site
    }

    override class func tearDown() {
        (try? built.get())?.0.delete()
        super.tearDown()
    }

    /// Fails unless each of `parts` appears in `text`, in the order given.
    private func assertInOrder(_ parts: [String], in text: String, file: StaticString = #filePath, line: UInt = #line) {
        var searchFrom = text.startIndex
        for part in parts {
            guard let range = text.range(of: part, range: searchFrom..<text.endIndex) else {
                let anywhere = text.contains(part) ? "it is there, but out of order" : "it is not on the page"
                return XCTFail("expected \(part) after \(parts.prefix { $0 != part }.last ?? "the start"): \(anywhere)", file: file, line: line)
            }
            searchFrom = range.upperBound
        }
    }

    private func count(_ part: String, in text: String) -> Int {
        text.components(separatedBy: part).count - 1
    }

    func testAStatusIsWordsWithACapital() {
        // ASCII is changed byte by byte; anything else by Character, as before.
        XCTAssertEqual(SiteContext.statusWords("in-progress"), "In progress")
        XCTAssertEqual(SiteContext.statusWords("Not-started-yet"), "Not started yet")
        XCTAssertEqual(SiteContext.statusWords("9-lives"), "9 lives")
        XCTAssertEqual(SiteContext.statusWords(""), "")
        XCTAssertEqual(SiteContext.statusWords("élan-vital"), "Élan vital")
        XCTAssertEqual(SiteContext.statusWords("a\u{345}-b"), "A\u{399} b")
    }

    func testEveryKindOfPageIsWritten() {
        let written = Set(site.writtenFiles())
        let expected = [
            "index.html", "404.html", "sitemap.xml", "build.json",
            "partnerships/index.html", "partnerships/board/index.html", "partnerships/gosport/index.html",
            "plans/index.html", "plans/cypp/index.html", "frameworks/index.html", "frameworks/pmf/index.html",
            "priorities/index.html", "priorities/cyp-1/index.html", "priorities/cyp-2/index.html", "priorities/lcp-poverty/index.html",
            "measures/index.html", "measures/ni-9/index.html", "measures/ni-10/index.html", "measures/ni-102a/index.html",
            "measures/ni-102b/index.html", "measures/ni-112/index.html", "measures/ni-117/index.html",
            "contacts/index.html", "contacts/chair/index.html", "contacts/manager/index.html", "contacts/officer/index.html",
            "consultations/index.html", "about/index.html", "accessibility/index.html",
        ]
        XCTAssertEqual(expected.filter { !written.contains($0) }, [], "pages missing from the output")
        XCTAssertTrue(written.contains { $0.hasPrefix("theme/style.") && $0.hasSuffix(".css") }, "no stylesheet")
    }

    func testEveryHTMLPageHasOneH1ASkipLinkAndACanonicalLink() throws {
        for path in site.writtenFiles() where path.hasSuffix(".html") {
            let html = try site.page(path)
            XCTAssertEqual(count("<h1", in: html), 1, "\(path) must have one h1")
            XCTAssertTrue(html.contains("href=\"#main-content\""), "\(path) has no skip link")
            XCTAssertTrue(html.contains("<main id=\"main-content\""), "\(path) has no main landmark")
            if path != "404.html" {
                let page = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
                XCTAssertTrue(html.contains("<link rel=\"canonical\" href=\"https://www.example.org/trust/\(page)\">"), "\(path) has the wrong canonical link")
            }
        }
    }

    func testTheHomePageLinksPartnershipsAndPlans() throws {
        let home = try site.page("")
        XCTAssertTrue(home.contains("<a href=\"partnerships/board/\">Children&#39;s Trust Board</a>") || home.contains("href=\"partnerships/board/\""), "home does not link the board")
        XCTAssertTrue(home.contains("href=\"plans/cypp/\""), "home does not link the plan")
        XCTAssertTrue(home.contains("<title>Test Trust</title>"))
    }

    func testPartnershipsAreGroupedByTypeThenArea() throws {
        let index = try site.page("partnerships/")
        assertInOrder(["<h2 id=\"board\">Boards</h2>", "<h3>Hampshire</h3>", "href=\"../partnerships/board/\"", "Gosport", "href=\"../partnerships/gosport/\""], in: index)
    }

    func testAPartnershipShowsMembersContactsPrioritiesMeasuresDocumentsAndRisks() throws {
        let board = try site.page("partnerships/board/")
        assertInOrder([
            "<h1>Children&#39;s Trust Board</h1>",
            "id=\"section-members\"", "Test County Council", "Test Police",
            "id=\"section-contacts\"", "href=\"../../contacts/chair/\">Zoe Chair</a> <span class=\"tag\">Chair</span>", "href=\"../../contacts/manager/\">Alex Manager</a>",
            "id=\"section-priorities\"", "href=\"../../priorities/cyp-1/\"",
            "id=\"section-measures\"", "href=\"../../measures/ni-117/\"",
            "id=\"section-documents\"", "href=\"../../plans/cypp/\"",
            "id=\"section-risks\"", "Funding ends in 2012", "Seek new grants",
            "id=\"section-connections\"", "href=\"../../partnerships/gosport/\"",
        ], in: board)
        let gosport = try site.page("partnerships/gosport/")
        XCTAssertTrue(gosport.contains("<dt>Part of</dt><dd><a href=\"../../partnerships/board/\">Children&#39;s Trust Board</a>"), "a partnership links its parent")
    }

    func testBodyLinksAreRewrittenToPageURLsWithTheirFragments() throws {
        let board = try site.page("partnerships/board/")
        XCTAssertTrue(board.contains("href=\"../../partnerships/gosport/\""), "relative .md link not rewritten")
        XCTAssertTrue(board.contains("href=\"../../priorities/lcp-poverty/\""), "priority: link not rewritten")
        XCTAssertTrue(board.contains("id=\"progress\""), "headings get GitHub-style ids")
        XCTAssertFalse(board.contains(".md\""), "a .md link reached the page")
        XCTAssertTrue(try site.page("partnerships/gosport/").contains("href=\"../../partnerships/board/#progress\""))
    }

    func testAPlanShowsItsPrioritiesAndTheirMeasuresAsATable() throws {
        let plan = try site.page("plans/cypp/")
        assertInOrder([
            "<table class=\"priorities\">", "<caption", "<th scope=\"col\">Priority</th>",
            "<tr id=\"priority-cyp-1\">", "href=\"../../priorities/cyp-1/\"", "This plan", "href=\"../../measures/ni-117/\"", "href=\"../../measures/ni-102a/\"",
            "<tr id=\"priority-cyp-2\">", "None yet",
            "<tr id=\"priority-lcp-poverty\" class=\"local\">", "href=\"../../priorities/cyp-1/\">CYP priority 1: Reducing poverty</a>", "href=\"../../measures/ni-9/\"",
            "</table>",
        ], in: plan)
        XCTAssertTrue(plan.contains("2009 to 2012"), "the period is shown in years")
        XCTAssertTrue(plan.contains("<dt>Owner</dt><dd><a href=\"../../partnerships/board/\">"))
    }

    func testThePrioritiesIndexNestsLocalPrioritiesUnderTheirParent() throws {
        let index = try site.page("priorities/")
        // In the plan, lcp-poverty comes after cyp-2; in the tree it sits inside cyp-1.
        assertInOrder(["href=\"../priorities/cyp-1/\"", "<ul class=\"tree\">", "href=\"../priorities/lcp-poverty/\"", "</ul>", "href=\"../priorities/cyp-2/\""], in: index)
        assertInOrder(["href=\"../priorities/lcp-poverty/\"", "Worked on by <a href=\"../partnerships/gosport/\">"], in: index)
    }

    func testAPriorityPageShowsItsPlanItsLocalPrioritiesWhoWorksOnItAndItsMeasures() throws {
        let cyp1 = try site.page("priorities/cyp-1/")
        assertInOrder([
            "<dt>Set by</dt><dd><a href=\"../../plans/cypp/\">",
            "id=\"section-local-priorities\"", "href=\"../../priorities/lcp-poverty/\"",
            "id=\"section-who\"", "href=\"../../partnerships/board/\"",
            "id=\"section-measures\"", "href=\"../../measures/ni-117/\"",
        ], in: cyp1)
        let local = try site.page("priorities/lcp-poverty/")
        assertInOrder(["Contributes to", "href=\"../../priorities/cyp-1/\"", "id=\"section-who\"", "href=\"../../partnerships/gosport/\""], in: local)
        let cyp2 = try site.page("priorities/cyp-2/")
        assertInOrder(["id=\"section-who\"", "<h3>Frameworks</h3>", "href=\"../../frameworks/pmf/\""], in: cyp2)
    }

    func testMeasuresAreListedInNaturalOrderOfCode() throws {
        let index = try site.page("measures/")
        assertInOrder(["<td>NI 9</td>", "<td>NI 10</td>", "<td>NI 102a</td>", "<td>NI 102b</td>", "<td>NI 112</td>", "<td>NI 117</td>"], in: index)
    }

    func testAMeasureShowsItsRatingInWordsAndWhereItIsUsed() throws {
        let ni117 = try site.page("measures/ni-117/")
        XCTAssertTrue(ni117.contains("Red: target missed"), "6.5 against a target of 6.0, lower is better, is red")
        XCTAssertTrue(ni117.contains("Improving"), "6.5 after 7.5, lower is better, is improving")
        assertInOrder(["id=\"section-connections\"", "<h3>Priorities</h3>", "href=\"../../priorities/cyp-1/\"", "<h3>Partnerships</h3>", "href=\"../../partnerships/board/\""], in: ni117)
        let ni102a = try site.page("measures/ni-102a/")
        XCTAssertTrue(ni102a.contains("Green: target met"))
        assertInOrder(["href=\"../../priorities/cyp-1/\"", "href=\"../../partnerships/gosport/\""], in: ni102a)
        let ni10 = try site.page("measures/ni-10/")
        XCTAssertTrue(ni10.contains("Amber: within 5% of target"), "20 against 21, higher is better, is within 5%")
        assertInOrder(["<h3>Frameworks</h3>", "href=\"../../frameworks/pmf/\""], in: ni10)
    }

    func testContactsAreAToZAndSayWhatEachIsTheContactFor() throws {
        let index = try site.page("contacts/")
        assertInOrder(["href=\"#letter-a\">A</a>", "href=\"#letter-b\">B</a>", "href=\"#letter-z\">Z</a>"], in: index)
        assertInOrder(["id=\"letter-a\"", "Alex Manager", "id=\"letter-b\"", "bea Officer", "id=\"letter-z\"", "Zoe Chair"], in: index)
        let chair = try site.page("contacts/chair/")
        XCTAssertTrue(chair.contains("<a href=\"../../partnerships/board/\">Children&#39;s Trust Board</a> (Chair)"))
        let manager = try site.page("contacts/manager/")
        assertInOrder(["id=\"section-contact-for\"", "href=\"../../partnerships/board/\">Children&#39;s Trust Board</a> (Contact)", "href=\"../../partnerships/gosport/\">Gosport Local Children&#39;s Partnership</a> (Contact)"], in: manager)
        XCTAssertTrue(try site.page("contacts/officer/").contains("Not yet named as the contact for a partnership."))
    }

    func testAFrameworkShowsItsPrioritiesAndMeasures() throws {
        let pmf = try site.page("frameworks/pmf/")
        assertInOrder(["id=\"section-priorities\"", "href=\"../../priorities/cyp-2/\"", "id=\"section-measures\"", "href=\"../../measures/ni-10/\""], in: pmf)
    }

    func testAFreePageIsAtItsIdAndTheAccessibilityStatementIsInEveryFooter() throws {
        let about = try site.page("about/")
        XCTAssertTrue(about.contains("<h1>About the trust</h1>"))
        XCTAssertTrue(about.contains("Who we are."))
        XCTAssertTrue(about.contains("<a href=\"../accessibility/\">Accessibility statement</a>"))
        XCTAssertTrue(try site.page("measures/ni-9/").contains("<a href=\"../../accessibility/\">Accessibility statement</a>"))
    }

    func testTheNotFoundPageLinksFromTheSitesFolder() throws {
        let notFound = try site.page("404.html")
        XCTAssertTrue(notFound.contains("href=\"/trust/partnerships/\""), "the 404 page is served at any depth, so its links start at the site's folder")
        XCTAssertFalse(notFound.contains("href=\"../"))
    }

    func testTheSitemapListsEveryPageButThe404() throws {
        let sitemap = try site.page("sitemap.xml")
        XCTAssertTrue(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"))
        for page in ["", "partnerships/board/", "priorities/lcp-poverty/", "measures/ni-9/", "about/", "contacts/"] {
            XCTAssertTrue(sitemap.contains("<url><loc>https://www.example.org/trust/\(page)</loc></url>"), page)
        }
        XCTAssertFalse(sitemap.contains("404"))
        let pages = site.writtenFiles().filter { $0.hasSuffix("index.html") }.count
        XCTAssertEqual(count("<url>", in: sitemap), pages)
    }

    func testBuildJSONHoldsTheNowTheBuildUsed() throws {
        XCTAssertEqual(try site.page("build.json"), "{\"next_change\":null,\"now\":\"2011-01-20T12:00:00+00:00\"}\n")
    }
}
