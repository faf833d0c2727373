import Foundation
import Markdown
import XCTest
@testable import TrellisKit

/// The cache `trellis serve` keeps between rebuilds, and the pages it makes on request: after
/// any sequence of edits, exactly what a clean build makes.
final class BuildCacheTests: XCTestCase {
    private var site: TestSite!
    /// Caches carried from step to step, as the preview carries one from build to build.
    private let rendered = BuildCache()
    private let prepared = BuildCache()

    override func setUpWithError() throws {
        site = try TestSite(SmallSite.files)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: site.root)
    }

    func testEverySequenceOfEditsGivesWhatACleanBuildGives() throws {
        var before = try step("first build")

        try edit("Content/partnerships/board.md") { $0.replacingOccurrences(of: "The board meets quarterly.", with: "The board meets monthly.") }
        var after = try step("a body edited")
        XCTAssertTrue(String(decoding: after["partnerships/board/index.html"]!, as: UTF8.self).contains("The board meets monthly."))
        before = after

        try edit("Content/partnerships/gosport.md") { $0.replacingOccurrences(of: "title: Gosport Local Children's Partnership", with: "title: Gosport Partnership") }
        after = try step("a title changed")
        XCTAssertTrue(String(decoding: after["partnerships/index.html"]!, as: UTF8.self).contains("Gosport Partnership"))
        XCTAssertNotEqual(after["partnerships/board/index.html"], before["partnerships/board/index.html"], "the board lists its child partnership by title")
        before = after

        // Renamed: the board's link to gosport.md breaks, though the board's body did not change.
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/partnerships/gosport.md"),
                                         to: site.root.appendingPathComponent("Content/partnerships/gosport-lcp.md"))
        let renamed = try step("a document renamed", fails: true)
        XCTAssertTrue(renamed.isEmpty)
        try edit("Content/partnerships/board.md") { $0.replacingOccurrences(of: "(gosport.md)", with: "(gosport-lcp.md)") }
        after = try step("the link to it corrected")
        XCTAssertNil(after["partnerships/gosport/index.html"])
        XCTAssertTrue(String(decoding: after["partnerships/board/index.html"]!, as: UTF8.self).contains("href=\"../../partnerships/gosport-lcp/\""))

        try site.write("Content/partnerships/havant.md", "---\ntitle: Havant\nparent: board\n---\nSee [the board's progress](board.md#progress) and [a map](../assets/map.png).\n")
        try site.write("Content/assets/map.png", "png")
        after = try step("a document and an asset added")
        XCTAssertNotNil(after["partnerships/havant/index.html"])
        XCTAssertEqual(after["assets/map.png"], Data("png".utf8))

        // The heading havant links to goes: havant's body is unchanged, but its fragment is now wrong.
        try edit("Content/partnerships/board.md") { $0.replacingOccurrences(of: "## Progress", with: "## Progression") }
        let fragment = try step("a heading another page links to renamed", fails: true)
        XCTAssertTrue(fragment.isEmpty)
        try edit("Content/partnerships/board.md") { $0.replacingOccurrences(of: "## Progression", with: "## Progress") }
        try site.remove("Content/partnerships/havant.md")
        before = try step("the heading restored, the document deleted")
        XCTAssertNil(before["partnerships/havant/index.html"])

        // A measure's data shows on every page that lists it.
        try edit("Content/measures/ni-117.md") { $0.replacingOccurrences(of: "value: 6.5", with: "value: 4.25") }
        after = try step("a measure's data changed")
        for page in ["measures/ni-117/index.html", "measures/index.html", "partnerships/board/index.html", "priorities/cyp-1/index.html"] {
            XCTAssertTrue(String(decoding: after[page]!, as: UTF8.self).contains("4.25"), page)
            XCTAssertNotEqual(after[page], before[page], page)
        }
        XCTAssertEqual(after["contacts/officer/index.html"], before["contacts/officer/index.html"])

        try edit("Content/pages/about.md") { $0 + "See [NEET](measure:ni-999).\n" }
        _ = try step("a broken link introduced", fails: true)
        try edit("Content/pages/about.md") { $0.replacingOccurrences(of: "measure:ni-999", with: "measure:ni-117") }
        after = try step("the broken link fixed")
        XCTAssertTrue(String(decoding: after["about/index.html"]!, as: UTF8.self).contains("href=\"../measures/ni-117/\""))
    }

    func testOnlyBodiesWhoseSourceOrLinkTargetsChangedAreRenderedAgain() {
        let cache = BuildCache()
        let options = MarkdownOptions()
        var documents = [page("a", "Links to [b](b.md)."), page("b", "Text."), page("c", "More text.")]
        func rendered(_ documents: [Document], assets: [String] = []) -> [String] {
            let index = SiteIndex(settings: .fallback, documents: documents, assets: assets)
            let renders = Renders()
            _ = cache.bodies(index, options: options) { document in
                renders.add(document.id)
                return RenderedBody(html: Array(document.body.utf8), headingIDs: [], plainText: "", diagnostics: [], fragmentChecks: [])
            }
            return renders.ids.sorted()
        }
        XCTAssertEqual(rendered(documents), ["a", "b", "c"])
        XCTAssertEqual(rendered(documents), [])
        documents[1].body = "Other text."
        XCTAssertEqual(rendered(documents), ["b"])
        documents[2].title = "A new title"
        XCTAssertEqual(rendered(documents), [], "a title is not read by links")
        documents[2].bodyLineOffset += 1
        XCTAssertEqual(rendered(documents), ["c"], "diagnostics carry the line")
        XCTAssertEqual(rendered(documents + [page("d", "")]), ["a", "b", "c", "d"], "a new document is a new link target")
        XCTAssertEqual(rendered(documents), ["a", "b", "c"], "and so is one removed")
        XCTAssertEqual(rendered(documents, assets: ["map.png"]), ["a", "b", "c"], "and an asset")
    }

    func testAFileIsReadAgainOnceWrittenAndOnlyTrustedOnceSettled() throws {
        let about = "Content/pages/about.md"
        let full = site.root.appendingPathComponent(about).path
        let cache = BuildCache()
        _ = Builder.render(options, cache: cache)
        XCTAssertNil(cache.text(of: about, stamp: try XCTUnwrap(FileStamp(path: full))), "written a moment ago, so another write could keep its stamp")

        Thread.sleep(forTimeInterval: 2.2)
        _ = Builder.render(options, cache: cache)
        XCTAssertEqual(cache.text(of: about, stamp: try XCTUnwrap(FileStamp(path: full))), SmallSite.files[about])

        // The same size, written at once: a new stamp, so the new text.
        try edit(about) { $0.replacingOccurrences(of: "Who we are.", with: "Who WE are.") }
        XCTAssertNil(cache.text(of: about, stamp: try XCTUnwrap(FileStamp(path: full))))
        let (_, files) = Builder.render(options, cache: cache)
        XCTAssertEqual(files, Builder.render(options).1)
        XCTAssertTrue(String(decoding: files["about/index.html"]!, as: UTF8.self).contains("Who WE are."))
    }

    func testPagesMadeOnRequestAreTheBytesABuildMakes() throws {
        let options = self.options
        let (result, files) = Builder.render(options)
        let (prepared, outputs) = Builder.prepare(options)
        let site = try XCTUnwrap(outputs)
        XCTAssertEqual(prepared.diagnostics, result.diagnostics)
        XCTAssertGreaterThan(files.count, 50)
        // One at a time, in an order no build uses, each from a fresh table.
        for path in files.keys.sorted().reversed() {
            XCTAssertTrue(site.contains(path), path)
            XCTAssertEqual(site.file(path), files[path], path)
        }
        XCTAssertEqual(Builder.prepare(options).1?.all(), files)
        XCTAssertNil(site.file("plans/no-such-plan/index.html"))
        XCTAssertFalse(site.contains("no-such-file.txt"))

        // A missing page, or the icon browsers ask for, is known missing without making the open data, feeds and search.
        let fresh = try XCTUnwrap(Builder.prepare(options).1)
        XCTAssertFalse(fresh.contains("favicon.ico"))
        XCTAssertFalse(fresh.contains("plans/no-such-plan/index.html"))
        XCTAssertNotNil(fresh.file("plans/cypp/index.html"))
        XCTAssertFalse(fresh.groupsMade)
        XCTAssertEqual(fresh.file("feed.atom"), files["feed.atom"])
        XCTAssertTrue(fresh.groupsMade)
    }

    // MARK: Helpers

    private var options: BuildOptions {
        BuildOptions(site: site.root, now: Date(timeIntervalSince1970: 0), nowWritten: WrittenTime.parse(TestSite.now), write: false)
    }

    /// Renders the site with each cache and without one; both must match the clean build whole.
    @discardableResult
    private func step(_ name: String, fails: Bool = false) throws -> [String: Data] {
        let (clean, files) = Builder.render(options)
        let (cached, cachedFiles) = Builder.render(options, cache: rendered)
        let (onRequest, outputs) = Builder.prepare(options, cache: prepared)
        XCTAssertEqual(clean.failed, fails, "\(name): \(clean.diagnostics.map(\.formatted))")
        XCTAssertEqual(cached.diagnostics, clean.diagnostics, name)
        XCTAssertEqual(onRequest.diagnostics, clean.diagnostics, name)
        XCTAssertEqual(cachedFiles, files, name)
        XCTAssertEqual(outputs?.all() ?? [:], files, name)
        return files
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit to \(path) changes it")
        try site.write(path, changed)
    }

    private func page(_ id: String, _ body: String) -> Document {
        Document(kind: .page, id: id, path: "Content/pages/\(id).md", title: id, summary: nil, status: nil, draft: false,
                 updated: nil, consultation: nil, body: body, bodyLineOffset: 3, details: .page)
    }

    /// The documents a cache rendered, from any thread.
    private final class Renders: @unchecked Sendable {
        private let lock = NSLock()
        private var rendered: [String] = []
        func add(_ id: String) { lock.withLock { rendered.append(id) } }
        var ids: [String] { lock.withLock { rendered } }
    }
}
