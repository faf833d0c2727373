import Foundation
import XCTest
import TrellisKit
@testable import TrellisServe

/// Which open pages a new build tells to reload: those whose address now shows other bytes
/// (or the errors, or the site again once they are fixed), and no others.
final class ReloadTests: XCTestCase {
    private var site: URL!
    private let now = ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z")!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-reload-\(UUID().uuidString)")
        try Scaffold.initSite(at: site)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: site)
    }

    func testOnlyPagesWhoseBytesChangedReload() async throws {
        let builder = SiteBuilder(options: BuildOptions(site: site, now: now, write: false), now: { [now] in now })
        let first = builder.buildNow()
        let store = SiteStore(first: first.result, site: first.site)
        let responder = PreviewResponder(store: store)
        let shows = ["/measures/neet-16-18/", "/measures/", "/partnerships/childrens-trust-board/", "/plans/cypp/"]
        let unchanged = ["/contacts/trust-board-chair/", "/accessibility/", "/no-such-page/"]
        var served = digests(shows + unchanged, in: store)

        // A measure's data: every page that shows its latest value changes, no other.
        try edit("Content/measures/neet-16-18.md") { $0.replacingOccurrences(of: "actuals: []", with: "actuals: [{ period: 2026-27, value: 5.7 }]") }
        publish(builder, to: store)
        for path in shows {
            let reload = await responder.changed(since: 1, path: path, digest: served[path]!)
            XCTAssertEqual(reload, 2, path)
        }
        for path in unchanged {
            let reload = await responder.changed(since: 1, path: path, digest: served[path]!)
            XCTAssertNil(reload, path)
        }
        let current = await responder.changed(since: 2, path: "/measures/", digest: "0")
        XCTAssertNil(current, "a page of the newest build waits for the next")
        served = digests(shows + unchanged, in: store)

        // An error: every page shows it, so every page reloads to see it.
        try edit("Content/plans/cypp.md") { $0.replacingOccurrences(of: "owner: childrens-trust-board", with: "owner: nobody") }
        publish(builder, to: store)
        for path in shows + unchanged {
            let reload = await responder.changed(since: 2, path: path, digest: served[path]!)
            XCTAssertEqual(reload, 3, path)
        }
        served = digests(shows + unchanged, in: store)

        // Another build with the same error: the error page is the same, so nothing reloads.
        try edit("Content/pages/accessibility.md") { $0 + "\nOne more line.\n" }
        publish(builder, to: store)
        for path in shows {
            let reload = await responder.changed(since: 3, path: path, digest: served[path]!)
            XCTAssertNil(reload, path)
        }

        // Fixed: every page turns back into the site.
        try edit("Content/plans/cypp.md") { $0.replacingOccurrences(of: "owner: nobody", with: "owner: childrens-trust-board") }
        publish(builder, to: store)
        for path in shows + unchanged {
            let reload = await responder.changed(since: 3, path: path, digest: served[path]!)
            XCTAssertEqual(reload, 5, path)
        }
    }

    func testAPageWithoutADigestReloadsOnAnyNewerBuild() async throws {
        let builder = SiteBuilder(options: BuildOptions(site: site, now: now, write: false), now: { [now] in now })
        let first = builder.buildNow()
        let store = SiteStore(first: first.result, site: first.site)
        let responder = PreviewResponder(store: store)
        let older = await responder.changed(since: 0, path: nil, digest: nil)
        let current = await responder.changed(since: 1, path: nil, digest: nil)
        XCTAssertEqual(older, 1)
        XCTAssertNil(current)
    }

    // MARK: Helpers

    private func publish(_ builder: SiteBuilder, to store: SiteStore) {
        let build = builder.buildNow()
        store.publish(build.result, site: build.site)
    }

    /// What each address shows now, as the reload script's tag carries it.
    private func digests(_ paths: [String], in store: SiteStore) -> [String: String] {
        Dictionary(uniqueKeysWithValues: paths.map { ($0, Shown.at($0, in: store.current, lastGood: store.lastGoodSite).digest) })
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = site.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit to \(path) changes it")
        try Data(changed.utf8).write(to: url)
    }
}
