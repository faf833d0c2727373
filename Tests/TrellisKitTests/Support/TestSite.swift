import Foundation
import XCTest
@testable import TrellisKit

/// A site described inline (relative path -> file text), written to a fresh temporary folder
/// and built there with `Builder.build`, so tests can assert on the pages it writes.
struct TestSite {
    /// The site folder: it holds `Content/` and, after a build, `Public/`.
    let root: URL

    /// The smallest valid `Content/site.yml`.
    static let settings = """
    title: Test Trust
    base_url: https://www.example.org/trust/
    """

    /// The instant most tests build at: midday on 20 January 2011, London time.
    static let now = "2011-01-20T12:00"

    /// Writes `files` under a new temporary folder; `Content/site.yml` is added when not given.
    init(_ files: [String: String], settings: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("trellis-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var files = files
        if settings && files["Content/site.yml"] == nil { files["Content/site.yml"] = Self.settings }
        for (path, text) in files { try write(path, text) }
    }

    /// Writes (or replaces) one file of the site as UTF-8 text.
    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    /// Writes (or replaces) one file of the site byte for byte.
    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Deletes one file of the site.
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// The default output folder, `Public/`.
    var output: URL { root.appendingPathComponent("Public", isDirectory: true) }

    /// Builds (or, with `write: false`, checks) the site at `now`, a time as `--now` takes it.
    func build(now: String = TestSite.now, drafts: Bool = false, write: Bool = true, output: URL? = nil) -> BuildResult {
        guard let written = WrittenTime.parse(now) else { fatalError("not a --now value in a test: \(now)") }
        let options = BuildOptions(site: root, output: output, now: Date(timeIntervalSince1970: 0), nowWritten: written, drafts: drafts, write: write)
        return Builder.build(options)
    }

    /// The text of a written page: `plans/x/` reads `plans/x/index.html`; `""` is the home page.
    func page(_ path: String, in folder: URL? = nil) throws -> String {
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        let url = (folder ?? output).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TestSiteError.missingPage(file, written: writtenFiles(in: folder))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether a file was written to the output.
    func exists(_ path: String, in folder: URL? = nil) -> Bool {
        FileManager.default.fileExists(atPath: (folder ?? output).appendingPathComponent(path).path)
    }

    /// Every file in the output, relative to it, sorted.
    func writtenFiles(in folder: URL? = nil) -> [String] {
        let base = (folder ?? output).standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            paths.append(String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(base.path.count + 1)))
        }
        return paths.sorted()
    }

    /// Every output file's bytes by path, to compare two builds or a build with what was there before.
    func snapshot(of folder: URL? = nil) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in writtenFiles(in: folder) {
            files[path] = FileManager.default.contents(atPath: (folder ?? output).appendingPathComponent(path).path)
        }
        return files
    }

    /// Removes the whole site folder, unless TRELLIS_KEEP_TEST_SITES is set (to look at what a test built).
    func delete() {
        if ProcessInfo.processInfo.environment["TRELLIS_KEEP_TEST_SITES"] != nil { return print("kept \(root.path)") }
        try? FileManager.default.removeItem(at: root)
    }
}

/// Why a test could not read what it expected a build to write.
enum TestSiteError: Error, CustomStringConvertible {
    case missingPage(String, written: [String])

    var description: String {
        switch self {
        case .missingPage(let path, let written): "no \(path) in the output; written: \(written.joined(separator: ", "))"
        }
    }
}

extension XCTestCase {
    /// A site written to a temporary folder that is deleted when the test ends.
    func makeSite(_ files: [String: String], settings: Bool = true) throws -> TestSite {
        let site = try TestSite(files, settings: settings)
        addTeardownBlock { site.delete() }
        return site
    }

    /// Builds a site that must build without errors, failing the test with its diagnostics otherwise.
    @discardableResult
    func buildClean(_ site: TestSite, now: String = TestSite.now, drafts: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> BuildResult {
        let result = site.build(now: now, drafts: drafts)
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.formatted), [], "the site should build", file: file, line: line)
        XCTAssertTrue(result.wrote, "the output should be written", file: file, line: line)
        return result
    }
}

/// Single files and documents made from inline text, for the unit tests of each stage.
enum Fixture {
    static let clock = SiteClock(identifier: "Europe/London")!

    /// A source file as the loader would make it; `path` is like `partnerships/gosport.md`.
    static func file(_ path: String, _ text: String) -> SourceFile {
        let parts = path.split(separator: "/")
        let kind = DocumentKind(folder: String(parts[0]))!
        return SourceFile(path: "Content/\(path)", kind: kind, id: String(parts[1].dropLast(3)), text: text)
    }

    /// The document and diagnostics `DocumentDecoder` gives for one file.
    static func decode(_ path: String, _ text: String) -> (Document?, [Diagnostic]) {
        DocumentDecoder.decode(file(path, text), clock: clock)
    }

    /// A document that must decode without errors.
    static func document(_ path: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> Document {
        let (document, diagnostics) = decode(path, text)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.formatted), [], file: file, line: line)
        return document!
    }

    /// An index of documents given as path -> text, with the default settings.
    static func index(_ files: [String: String], assets: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> SiteIndex {
        let documents = files.sorted { $0.key < $1.key }.map { document($0.key, $0.value, file: file, line: line) }
        return SiteIndex(settings: .fallback, documents: documents, assets: assets)
    }

    /// The location of a line and column in a content file.
    static func at(_ path: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: "Content/\(path)", line: line, column: column)
    }
}
