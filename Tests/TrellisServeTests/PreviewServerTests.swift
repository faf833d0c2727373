import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
import TrellisKit
@testable import TrellisServe

/// The preview end to end, in process: start on a free port, fetch, edit, break, fix, stop.
final class PreviewServerTests: XCTestCase {
    private var site: URL!
    private let now = ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z")!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-serve-\(UUID().uuidString)")
        try Scaffold.initSite(at: site)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: site)
    }

    func testEditBreakFixAndStop() async throws {
        let running = try await start()
        let base = running.url

        let home = try await fetch(base)
        XCTAssertEqual(home.status, 200)
        let homeDigest = try XCTUnwrap(Self.digest(in: home.text), home.text)
        XCTAssertTrue(home.text.contains("<script src=\"/__trellis/reload.js\" data-generation=\"1\" data-digest=\"\(homeDigest)\" defer></script>\n</head>"), home.text)
        let script = try await fetch(base.appendingPathComponent("__trellis/reload.js"))
        XCTAssertEqual(script.type, "text/javascript; charset=utf-8")
        XCTAssertTrue(script.text.contains("new EventSource("))

        // Edit: the page changes.
        try edit("Content/plans/cypp.md") { $0.replacingOccurrences(of: "title: Children and Young People's Plan 2026 to 2029", with: "title: The Renamed Plan") }
        let renamed = try await waitFor(base.appendingPathComponent("plans/cypp/")) { $0.text.contains("<h1>The Renamed Plan") || $0.text.contains("The Renamed Plan</h1>") }
        XCTAssertEqual(renamed.status, 200)

        // Break: every page shows the error, with its place, escaped.
        try edit("Content/plans/cypp.md") { $0.replacingOccurrences(of: "owner: childrens-trust-board", with: "owner: <childrens-trust-bored>") }
        let broken = try await waitFor(base.appendingPathComponent("measures/")) { $0.status == 500 }
        XCTAssertTrue(broken.text.contains("<h1>The site has 1 error</h1>"), broken.text)
        XCTAssertTrue(broken.text.contains("<code class=\"place\">Content/plans/cypp.md:7:8</code>"), broken.text)
        XCTAssertTrue(broken.text.contains("unknown partnership &#39;&lt;childrens-trust-bored&gt;&#39;"), broken.text)
        XCTAssertFalse(broken.text.contains("<childrens-trust-bored>"))
        XCTAssertTrue(broken.text.contains("<script src=\"/__trellis/reload.js\""), "the error page reloads itself once fixed")
        let stylesheet = try await fetch(base.appendingPathComponent("__trellis/preview.css"))
        XCTAssertEqual(stylesheet.status, 200)

        // Fix: back to the site.
        try edit("Content/plans/cypp.md") { $0.replacingOccurrences(of: "owner: <childrens-trust-bored>", with: "owner: childrens-trust-board") }
        let fixed = try await waitFor(base.appendingPathComponent("plans/cypp/")) { $0.status == 200 }
        XCTAssertTrue(fixed.text.contains("The Renamed Plan"))

        try await running.stop()
    }

    func testServesTheBytesBuildWrites() async throws {
        let running = try await start()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-serve-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let built = Builder.build(BuildOptions(site: site, output: output, now: now))
        XCTAssertTrue(built.wrote)
        let paths = FileManager.default.enumerator(atPath: output.path)!.compactMap { $0 as? String }
            .filter { !$0.hasSuffix("/") && (try? output.appendingPathComponent($0).resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        XCTAssertGreaterThan(paths.count, 50)
        for path in paths.sorted() {
            let written = try Data(contentsOf: output.appendingPathComponent(path))
            let served = try await fetch(running.url.appendingPathComponent(path))
            let digest = Shown.file(written, type: "text/html; charset=utf-8", status: .ok, isHTML: true).digest
            let expected = path.hasSuffix(".html") ? PreviewAssets.inject(into: written, generation: 1, digest: digest) : written
            XCTAssertEqual(served.status, 200, path)
            XCTAssertEqual(served.data, expected, path)
        }
        try await running.stop()
    }

    func testEventsSayReloadAtOnceForAnOlderPageAndOnTheNextBuildOtherwise() async throws {
        let running = try await start()
        let stale = try await fetch(running.url.appendingPathComponent("__trellis/events").appending(queryItems: [URLQueryItem(name: "since", value: "0")]))
        XCTAssertEqual(stale.type, "text/event-stream")
        XCTAssertEqual(stale.text, "retry: 1000\n\nevent: reload\ndata: 1\n\n")

        async let waiting = fetch(running.url.appendingPathComponent("__trellis/events").appending(queryItems: [URLQueryItem(name: "since", value: "1")]))
        try await Task.sleep(for: .milliseconds(300))
        try edit("Content/pages/accessibility.md") { $0 + "\nOne more line.\n" }
        let answer = try await waiting
        XCTAssertEqual(answer.text, "retry: 1000\n\nevent: reload\ndata: 2\n\n")
        try await running.stop()
    }

    func testEventsSayReloadAtOnceForAPageThatChangedSinceItWasServed() async throws {
        let running = try await start()
        let page = try await fetch(running.url.appendingPathComponent("measures/neet-16-18/"))
        let digest = try XCTUnwrap(Self.digest(in: page.text))
        try edit("Content/measures/neet-16-18.md") { $0.replacingOccurrences(of: "actuals: []", with: "actuals: [{ period: 2026-27, value: 5.7 }]") }
        _ = try await waitFor(running.url.appendingPathComponent("measures/neet-16-18/")) { $0.text.contains("5.7") }
        let events = running.url.appendingPathComponent("__trellis/events").appending(queryItems: [
            URLQueryItem(name: "since", value: "1"), URLQueryItem(name: "path", value: "/measures/neet-16-18/"), URLQueryItem(name: "digest", value: digest),
        ])
        let answer = try await fetch(events)
        XCTAssertEqual(answer.text, "retry: 1000\n\nevent: reload\ndata: 2\n\n")
        try await running.stop()
    }

    func testStopsWhileAPageIsListening() async throws {
        let running = try await start()
        let listening = Task { try await self.fetch(running.url.appendingPathComponent("__trellis/events").appending(queryItems: [URLQueryItem(name: "since", value: "1")])) }
        try await Task.sleep(for: .milliseconds(300))
        let started = Date()
        try await running.stop()
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.5, "an open event stream does not hold the server up")
        _ = try? await listening.value
    }

    func testRedirectsFoldersAndAnswersMissingPagesWith404() async throws {
        let running = try await start()
        let plan = try await fetch(running.url.appendingPathComponent("plans/cypp"))
        XCTAssertEqual(plan.status, 200, "followed the redirect to plans/cypp/")
        XCTAssertEqual(plan.url?.absoluteString, running.url.absoluteString + "plans/cypp/")
        let missing = try await fetch(running.url.appendingPathComponent("no-such-page/"))
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.text.contains("Page not found"))
        let underBase = try await fetch(running.url.appendingPathComponent("trust/plans/cypp/"))
        XCTAssertEqual(underBase.status, 200, "the 404 page's links, under base_url's path, work too")
        try await running.stop()
    }

    // MARK: Helpers

    /// A server on a free port, and how to stop it and wait for it to end.
    struct Running {
        let url: URL
        let server: PreviewServer
        let task: Task<Void, Error>

        func stop() async throws {
            await server.stop()
            try await task.value
        }
    }

    private func start() async throws -> Running {
        let listening = Listening()
        let options = PreviewOptions(build: BuildOptions(site: site, now: now, write: false), port: 0, now: { [now] in now }, pollInterval: .milliseconds(50))
        let server = PreviewServer(options) { event in
            if case .listening(let url) = event { listening.url = url }
        }
        let task = Task { try await server.run() }
        let deadline = Date().addingTimeInterval(30)
        while listening.url == nil {
            guard Date() < deadline else { throw XCTSkip("the server did not start") }
            try await Task.sleep(for: .milliseconds(20))
        }
        return Running(url: listening.url!, server: server, task: task)
    }

    private final class Listening: @unchecked Sendable {
        private let lock = NSLock()
        private var value: URL?
        var url: URL? {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    /// The digest the reload script's tag carries in a served page.
    static func digest(in html: String) -> String? {
        html.firstMatch(of: #/data-digest="([0-9a-f]+)"/#).map { String($0.1) }
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = site.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }

    struct Fetched: Sendable {
        var status: Int
        var type: String?
        var data: Data
        var url: URL?
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    private func fetch(_ url: URL) async throws -> Fetched {
        var request = URLRequest(url: url)
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return Fetched(status: http?.statusCode ?? 0, type: http?.value(forHTTPHeaderField: "Content-Type"), data: data, url: http?.url)
    }

    /// Fetches until `done` holds, for at most five seconds.
    private func waitFor(_ url: URL, _ done: (Fetched) -> Bool) async throws -> Fetched {
        let deadline = Date().addingTimeInterval(5)
        var last = try await fetch(url)
        while !done(last) {
            guard Date() < deadline else {
                XCTFail("still not there after 5 s: \(last.status) \(last.text.prefix(400))")
                return last
            }
            try await Task.sleep(for: .milliseconds(50))
            last = try await fetch(url)
        }
        return last
    }
}
