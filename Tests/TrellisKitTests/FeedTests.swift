import Foundation
import XCTest
@testable import TrellisKit

/// `/feed.atom`, `/sitemap.xml` and the schema.org JSON-LD in pages' heads.
final class FeedTests: XCTestCase {
    func testXMLEscapingLeavesOutWhatXMLForbidsAndKeepsEveryOtherCharacter() {
        XCTAssertEqual(AtomFeed.escape("a&b<c>d\"e'f\u{1}\u{1F}g\th\ni\rj\u{FFFE}\u{FFFF}\u{FFFD}\u{EFBF}é\u{1F600}\u{7F}"),
                       "a&amp;b&lt;c&gt;d&quot;e&apos;fg\th\ni\rj\u{FFFD}\u{EFBF}é\u{1F600}\u{7F}")
        XCTAssertEqual(AtomFeed.escape(""), "")
    }

    func testTheFeedIsAtomWithOneEntryPerDocumentNewestFirst() throws {
        let site = try OpenDataFixture.build(self)
        let feed = try XMLTree.parse(try site.page("feed.atom"))
        XCTAssertEqual(feed.name, "feed")
        XCTAssertEqual(feed.first("id")?.text, "https://www.example.org/trust/")
        XCTAssertEqual(feed.first("title")?.text, "Test Trust & Partners", "escaped in the file, read back whole")
        XCTAssertEqual(feed.first("updated")?.text, "2011-01-10T00:00:00+00:00", "the newest entry's date")
        XCTAssertEqual(feed.all("link").first { $0.attributes["rel"] == "self" }?.attributes["href"], "https://www.example.org/trust/feed.atom")
        XCTAssertNotNil(feed.first("author")?.first("name"))
        let entries = feed.all("entry")
        XCTAssertEqual(entries.count, OpenDataFixture.files.count - 1, "every document, not site.yml")
        let ids = entries.map { $0.first("id")!.text }
        XCTAssertEqual(Array(ids.prefix(2)), ["https://www.example.org/trust/partnerships/board/", "https://www.example.org/trust/partnerships/gosport/"],
                       "dated documents first, newest first")
        XCTAssertEqual(Set(ids).count, ids.count, "ids are unique")
        let updated = entries.map { $0.first("updated")!.text }
        XCTAssertEqual(updated, updated.sorted(by: >))
        for entry in entries {
            XCTAssertEqual(entry.first("link")?.attributes["href"], entry.first("id")?.text, "the id is the page's address")
            XCTAssertFalse(entry.first("title")!.text.isEmpty)
        }
        let about = try XCTUnwrap(entries.first { $0.first("id")?.text.hasSuffix("/about/") == true })
        XCTAssertEqual(about.first("summary")?.text, "Who we are </script><script>alert(1)</script> & more")
    }

    func testEveryPageLinksToTheFeed() throws {
        let site = try OpenDataFixture.build(self)
        XCTAssertTrue(try site.page("").contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test Trust &amp; Partners: latest updates\" href=\"feed.atom\">"))
        XCTAssertTrue(try site.page("measures/neet/").contains("type=\"application/atom+xml\""))
    }

    func testTheSitemapGivesLastmodWhereADateIsKnown() throws {
        let site = try OpenDataFixture.build(self)
        let sitemap = try XMLTree.parse(try site.page("sitemap.xml"))
        var lastmod: [String: String] = [:]
        for url in sitemap.all("url") { lastmod[url.first("loc")!.text] = url.first("lastmod")?.text ?? "" }
        let base = "https://www.example.org/trust/"
        XCTAssertEqual(lastmod[base + "partnerships/board/"], "2011-01-10")
        XCTAssertEqual(lastmod[base + "partnerships/gosport/"], "2010-06-01")
        XCTAssertEqual(lastmod[base], "2011-01-10", "the home page changes with the newest document")
        XCTAssertEqual(lastmod[base + "measures/neet/"], "", "no date, no lastmod")
        XCTAssertNotNil(lastmod[base + "data/"], "the open data page is listed")
        XCTAssertNotNil(lastmod[base + "search/"])
    }

    /// The JSON-LD block of a page, parsed by Foundation.
    private func jsonLD(_ site: TestSite, _ path: String) throws -> [String: Any] {
        let page = try site.page(path)
        let start = try XCTUnwrap(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try XCTUnwrap(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let text = String(page[start.upperBound..<end.lowerBound])
        XCTAssertFalse(text.contains("<"), "nothing in the block can close it")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testTheHomePageDescribesTheTrust() throws {
        let site = try OpenDataFixture.build(self)
        let value = try jsonLD(site, "")
        XCTAssertEqual(value["@context"] as? String, "https://schema.org")
        let graph = try XCTUnwrap(value["@graph"] as? [[String: Any]])
        let trust = try XCTUnwrap(graph.first { $0["@type"] as? String == "GovernmentOrganization" })
        XCTAssertEqual(trust["name"] as? String, "Test Trust & Partners")
        XCTAssertEqual(trust["description"] as? String, "Who we are </script><script>alert(1)</script> & more")
        XCTAssertEqual((trust["subOrganization"] as? [[String: Any]])?.map { $0["@id"] as? String },
                       ["https://www.example.org/trust/partnerships/board/#organization"])
        let website = try XCTUnwrap(graph.first { $0["@type"] as? String == "WebSite" })
        XCTAssertEqual((website["potentialAction"] as? [String: Any])?["target"] as? String, "https://www.example.org/trust/search/?q={search_term_string}")
    }

    func testAPartnershipIsAnOrganizationWithItsParent() throws {
        let site = try OpenDataFixture.build(self)
        let gosport = try jsonLD(site, "partnerships/gosport/")
        XCTAssertEqual(gosport["@type"] as? String, "Organization")
        XCTAssertEqual(gosport["name"] as? String, "Gosport Local Children's Partnership")
        XCTAssertEqual(gosport["areaServed"] as? String, "Gosport")
        let parent = try XCTUnwrap(gosport["parentOrganization"] as? [String: Any])
        XCTAssertEqual(parent["name"] as? String, "Children's Trust Board")
        XCTAssertEqual(parent["@id"] as? String, "https://www.example.org/trust/partnerships/board/#organization")
        let board = try jsonLD(site, "partnerships/board/")
        XCTAssertEqual((board["parentOrganization"] as? [String: Any])?["@type"] as? String, "GovernmentOrganization", "the top partnership sits under the trust")
        XCTAssertEqual(board["foundingDate"] as? String, "2008-04-01")
        let points = try XCTUnwrap(board["contactPoint"] as? [[String: Any]])
        XCTAssertEqual(points.map { $0["name"] as? String }, ["Jane Example", "Partnership Manager"])
        XCTAssertEqual(points.first?["@type"] as? String, "ContactPoint")
    }

    func testAContactIsAContactPoint() throws {
        let site = try OpenDataFixture.build(self)
        let chair = try jsonLD(site, "contacts/chair/")
        XCTAssertEqual(chair["@type"] as? String, "ContactPoint")
        XCTAssertEqual(chair["email"] as? String, "jane@example.org")
        XCTAssertEqual(chair["telephone"] as? String, "+44 1632 960000")
        XCTAssertEqual(chair["contactType"] as? String, "Chair of the Trust Board")
    }

    func testTheDataPageDescribesEachDatasetAndItsDownloads() throws {
        let site = try OpenDataFixture.build(self)
        let catalogue = try jsonLD(site, "data/")
        XCTAssertEqual(catalogue["@type"] as? String, "DataCatalog")
        let datasets = try XCTUnwrap(catalogue["dataset"] as? [[String: Any]])
        XCTAssertEqual(datasets.count, 5)
        for dataset in datasets {
            XCTAssertEqual(dataset["@type"] as? String, "Dataset")
            XCTAssertEqual(dataset["license"] as? String, "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
            let downloads = try XCTUnwrap(dataset["distribution"] as? [[String: Any]])
            XCTAssertEqual(downloads.map { $0["@type"] as? String }, ["DataDownload", "DataDownload"])
            for download in downloads {
                let url = try XCTUnwrap(download["contentUrl"] as? String)
                XCTAssertTrue(site.exists(String(url.dropFirst("https://www.example.org/trust/".count))), url)
            }
        }
    }
}
