import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import TrellisKit
@testable import TrellisServe

/// The preview's parts on their own: watching, looking up paths, the script tag and the error page.
final class PreviewUnitTests: XCTestCase {
    private var site: URL!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Content/plans"), withIntermediateDirectories: true)
        try write("Content/site.yml", "title: T\n")
        try write("Content/plans/a.md", "one\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: site)
    }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: site.appendingPathComponent(path))
    }

    func testWatcherIgnoresEditorLitter() throws {
        let watcher = FileWatcher(site: site)
        let before = watcher.scan()
        for name in [".a.md.swp", "a.md~", "4913", "#a.md#", ".#a.md", "a.md___jb_tmp___"] {
            try write("Content/plans/\(name)", "litter")
        }
        XCTAssertEqual(FileWatcher.changes(from: before, to: watcher.scan()), [])
    }

    func testWatcherSeesSavesRenamesDeletesAndNewFiles() throws {
        let watcher = FileWatcher(site: site)
        var known = watcher.scan()
        XCTAssertEqual(Set(known.keys), ["Content/site.yml", "Content/plans/a.md"])
        XCTAssertFalse(watcher.differs(from: known))
        XCTAssertTrue(watcher.differs(from: known.filter { $0.key != "Content/site.yml" }), "a file the scan did not have")

        // Saved twice within the same moment, the same size: still a change.
        try write("Content/plans/a.md", "two\n")
        try write("Content/plans/a.md", "six\n")
        XCTAssertEqual(FileWatcher.changes(from: known, to: watcher.scan()), ["Content/plans/a.md"])
        XCTAssertTrue(watcher.differs(from: known))
        known = watcher.scan()

        // Renamed, deleted and made again, as editors that save safely do.
        try FileManager.default.moveItem(at: site.appendingPathComponent("Content/plans/a.md"), to: site.appendingPathComponent("Content/plans/a.md~"))
        try write("Content/plans/a.md", "six\n")
        try FileManager.default.removeItem(at: site.appendingPathComponent("Content/plans/a.md~"))
        XCTAssertEqual(FileWatcher.changes(from: known, to: watcher.scan()), ["Content/plans/a.md"])
        known = watcher.scan()

        try FileManager.default.removeItem(at: site.appendingPathComponent("Content/plans/a.md"))
        XCTAssertTrue(watcher.differs(from: known), "a file gone")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Themes/default/templates"), withIntermediateDirectories: true)
        try write("Themes/default/templates/page.mustache", "{{title}}")
        XCTAssertEqual(FileWatcher.changes(from: known, to: watcher.scan()), ["Content/plans/a.md", "Themes/default/templates/page.mustache"])
    }

    func testLookup() {
        let files: Set<String> = ["index.html", "plans/a/index.html", "theme/style.css", "404.html"]
        let exists = { files.contains($0) }
        XCTAssertEqual(PreviewResponder.lookup("/", basePath: "/trust/", exists: exists), .file("index.html"))
        XCTAssertEqual(PreviewResponder.lookup("/plans/a/", basePath: "/trust/", exists: exists), .file("plans/a/index.html"))
        XCTAssertEqual(PreviewResponder.lookup("/plans/a", basePath: "/trust/", exists: exists), .folder("/plans/a/"))
        XCTAssertEqual(PreviewResponder.lookup("/trust/theme/style.css", basePath: "/trust/", exists: exists), .file("theme/style.css"))
        XCTAssertEqual(PreviewResponder.lookup("/plans/b/", basePath: "/trust/", exists: exists), .missing)
        XCTAssertEqual(PreviewResponder.lookup("/plans/../index.html", basePath: "/", exists: exists), .missing)
        XCTAssertEqual(PreviewResponder.basePath("https://www.example.org/trust"), "/trust/")
        XCTAssertEqual(PreviewResponder.basePath("https://www.example.org/"), "/")
    }

    func testAPortInUseIsSeenAndRefusedWhenAskedFor() async throws {
        let port = try XCTUnwrap((40000...40100).first(where: PortFinder.isFree))
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(holder, 1), 0)
        XCTAssertFalse(PortFinder.isFree(port))

        try Data("title: T\nbase_url: https://www.example.org/\n".utf8).write(to: site.appendingPathComponent("Content/site.yml"))
        let server = PreviewServer(PreviewOptions(build: BuildOptions(site: site, now: Date(timeIntervalSince1970: 0), write: false), port: port))
        do {
            try await server.run()
            XCTFail("served on a port in use")
        } catch {
            XCTAssertEqual(error as? PreviewError, .portInUse(port))
        }
    }

    func testScriptTagGoesBeforeHeadEnds() {
        let page = Data("<html><head><title>x</title></head><body></body></html>".utf8)
        XCTAssertEqual(String(decoding: PreviewAssets.inject(into: page, generation: 7, digest: "0123abcd"), as: UTF8.self),
                       "<html><head><title>x</title><script src=\"/__trellis/reload.js\" data-generation=\"7\" data-digest=\"0123abcd\" defer></script>\n</head><body></body></html>")
    }

    func testErrorPageShowsPlaceAndEscapedMessage() {
        let result = BuildResult(diagnostics: [
            .error(.unknownReference, "unknown measure '<ni-999>' & more", at: SourceLocation(file: "Content/plans/a.md", line: 7, column: 14), suggestion: "measures: [ni-117]"),
            .warning(.unknownKey, "unknown key 'prioritys'", at: SourceLocation(file: "Content/plans/a.md", line: 3, column: 1)),
        ], fileCount: 0, pageCount: 0, nextChange: nil, nowText: "", nextChangeText: nil, wrote: false, baseURL: "https://www.example.org/")
        let html = String(decoding: ErrorPage.html(result), as: UTF8.self)
        XCTAssertTrue(html.contains("<h1>The site has 1 error</h1>"))
        XCTAssertTrue(html.contains("<li class=\"error\"><p><code class=\"place\">Content/plans/a.md:7:14</code>: <span class=\"severity\">error:</span> unknown measure &#39;&lt;ni-999&gt;&#39; &amp; more</p>\n<pre>measures: [ni-117]</pre></li>"), html)
        XCTAssertTrue(html.contains("<h2>Warnings</h2>"))
        XCTAssertTrue(html.contains("<link rel=\"stylesheet\" href=\"/__trellis/preview.css\">\n</head>"), "the responder adds the reload script before </head>")
        XCTAssertFalse(html.contains("<script>"), "no inline script: a strict CSP applies")
    }
}
