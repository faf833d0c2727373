import Foundation
import XCTest
@testable import TrellisKit

/// `trellis init` and `trellis new`: what they write builds as it is, every setting is there,
/// and what they refuse, they refuse with the whole error.
final class ScaffoldTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-scaffold-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func check(_ site: URL) -> (BuildResult, [String: Data]) {
        let options = BuildOptions(site: site, now: ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z")!, write: false)
        return Builder.render(options)
    }

    func testInitSiteBuildsAndPassesCheckWithNoDiagnostics() throws {
        let written = try Scaffold.initSite(at: folder)
        XCTAssertEqual(written, SiteTemplate.files.map(\.0) + [".gitignore"])
        // The output, and the staging folder, replaced folder and lock a build keeps beside it.
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8),
                       "# What trellis build writes: made again by every build, never committed.\n/Public/\n/.Public.*\n")
        let (result, files) = check(folder)
        XCTAssertEqual(result.diagnostics, [])
        for kind in DocumentKind.allCases {
            XCTAssertTrue(written.contains { $0.hasPrefix("Content/\(kind.folder)/") }, "one file of each kind: \(kind)")
        }
        for page in ["partnerships/childrens-trust-board/index.html", "plans/cypp/index.html", "frameworks/performance-management/index.html",
                     "measures/neet-16-18/index.html", "contacts/trust-board-chair/index.html", "accessibility/index.html", "priorities/cyp-1/index.html"] {
            XCTAssertNotNil(files[page], page)
        }
        let board = String(decoding: files["partnerships/childrens-trust-board/index.html"]!, as: UTF8.self)
        XCTAssertTrue(board.contains("href=\"../../plans/cypp/\""), "the files refer to each other")
    }

    func testEachKindBuildsAsWrittenInANewSite() throws {
        try Scaffold.initSite(at: folder)
        for kind in DocumentKind.allCases {
            let path = try Scaffold.newDocument(kind, id: "new-\(kind.rawValue)", site: folder)
            XCTAssertEqual(path, "Content/\(kind.folder)/new-\(kind.rawValue).md")
        }
        let (result, files) = check(folder)
        XCTAssertEqual(result.diagnostics, [])
        for kind in DocumentKind.allCases {
            XCTAssertNotNil(files[kind.path(id: "new-\(kind.rawValue)") + "index.html"], "\(kind) is published, not a draft")
        }
    }

    func testEachKindBuildsInASiteWithNothingElse() throws {
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: Empty Trust\nbase_url: https://www.example.org/\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        for kind in DocumentKind.allCases { try Scaffold.newDocument(kind, id: "first", site: folder) }
        XCTAssertEqual(check(folder).0.diagnostics, [])
    }

    func testEveryKeyOfEachKindIsInItsTemplate() throws {
        for kind in DocumentKind.allCases {
            let sink = DiagnosticSink()
            let reader = try XCTUnwrap(YAMLDocument.reader(yaml: "title: x\n", firstLine: 1, file: "x.md", sink: sink))
            let (_, kindKeys) = KindDecoder.decode(kind, reader: reader, id: "x")
            let common = DocumentDecoder.commonKeys.map { kind == .contact && $0 == "title" ? "name" : $0 }
            let keys = Set(DocumentTemplate.text(kind, id: "x").split(separator: "\n").compactMap { line -> String? in
                let setting = line.hasPrefix("# ") ? line.dropFirst(2) : line[...]
                guard let colon = setting.firstIndex(of: ":"), setting.first?.isLetter == true else { return nil }
                return String(setting[..<colon])
            })
            for key in common + kindKeys {
                XCTAssertTrue(keys.contains(key), "\(kind) template lacks '\(key)'")
            }
        }
    }

    func testRefusals() throws {
        try Scaffold.initSite(at: folder)
        XCTAssertThrowsError(try Scaffold.newDocument(.plan, id: "cypp", site: folder)) {
            XCTAssertEqual($0 as? ScaffoldError, .exists("Content/plans/cypp.md"))
        }
        XCTAssertThrowsError(try Scaffold.newDocument(.partnership, id: "Gosport LCP", site: folder)) {
            XCTAssertEqual($0 as? ScaffoldError, .invalidID("Gosport LCP", suggestion: "gosport-lcp"))
        }
        XCTAssertThrowsError(try Scaffold.newDocument(.partnership, id: "gosport--lcp", site: folder)) {
            XCTAssertEqual($0 as? ScaffoldError, .invalidID("gosport--lcp", suggestion: "gosport-lcp"))
        }
        XCTAssertThrowsError(try Scaffold.newDocument(.page, id: "measures", site: folder)) {
            XCTAssertEqual($0 as? ScaffoldError, .reservedID("measures", use: "the measures index"))
        }
        XCTAssertThrowsError(try Scaffold.kind(named: "partnershp")) {
            XCTAssertEqual($0 as? ScaffoldError, .unknownKind("partnershp", suggestion: "partnership"))
        }
        XCTAssertThrowsError(try Scaffold.kind(named: "spreadsheet")) {
            XCTAssertEqual($0 as? ScaffoldError, .unknownKind("spreadsheet", suggestion: nil))
        }
        XCTAssertEqual(try Scaffold.kind(named: "plans"), .plan)
        XCTAssertThrowsError(try Scaffold.initSite(at: folder)) {
            XCTAssertEqual($0 as? ScaffoldError, .siteExists(folder.path))
        }
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertThrowsError(try Scaffold.newDocument(.plan, id: "x", site: empty)) {
            XCTAssertEqual($0 as? ScaffoldError, .noContent(empty.path))
        }
        XCTAssertEqual(ScaffoldError.invalidID("Gosport LCP", suggestion: "gosport-lcp").message,
                       "'Gosport LCP' is not a valid id: ids are lower-case letters, digits and single hyphens, like gosport-lcp; write gosport-lcp instead")
    }

    func testInitKeepsFilesAlreadyInAFolderWithoutContent() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        let written = try Scaffold.initSite(at: folder)
        XCTAssertFalse(written.contains(".gitignore"))
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8), "keep me\n")
    }
}
