import Foundation
import XCTest
@testable import TrellisKit

/// The site folder as the file system hands it over: symbolic links in and out of the site,
/// pipes, folders where files should be, empty files, byte-order marks, mixed line endings,
/// names that differ only in case, and output folders that must not be replaced.
final class FileSystemTests: XCTestCase {
    private let page = "---\ntitle: A page\n---\n\nText.\n"

    /// A folder outside every site, deleted when the test ends.
    private func outside(_ files: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-outside-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// Makes `path` in the site a symbolic link holding `target` as written.
    private func link(_ path: String, to target: String, in site: TestSite) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    private func errors(_ result: BuildResult) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .error } }

    private func at(_ path: String, line: Int = 0, column: Int = 0) -> SourceLocation { SourceLocation(file: path, line: line, column: column) }

    // MARK: Symbolic links

    func testALinkLeadingOutsideTheSiteIsRefusedWhereverItIs() throws {
        let away = try outside(["secret.md": page, "notes/key.txt": "secret", "layout.mustache": "{{{body}}}"])
        let site = try makeSite(["Content/pages/about.md": page])
        try link("Content/pages/secret.md", to: away.path + "/secret.md", in: site)
        try link("Content/assets/passwd.txt", to: "/etc/passwd", in: site)
        try link("Content/assets/a/b/c/deep.txt", to: away.path + "/notes/key.txt", in: site)
        try link("Content/assets/notes", to: away.path + "/notes", in: site)
        try link("Themes/default/templates/layout.mustache", to: away.path + "/layout.mustache", in: site)
        let result = site.build()
        XCTAssertEqual(errors(result), [
            .error(.unreadableFile, "Content/assets/a/b/c/deep.txt is a symbolic link to \(away.path)/notes/key.txt, outside the site folder; Trellis reads only what is inside the site, so copy what it points to into the site instead", at: at("Content/assets/a/b/c/deep.txt")),
            .error(.unreadableFile, "Content/assets/notes is a symbolic link to \(away.path)/notes, outside the site folder; Trellis reads only what is inside the site, so copy what it points to into the site instead", at: at("Content/assets/notes")),
            .error(.unreadableFile, "Content/assets/passwd.txt is a symbolic link to /etc/passwd, outside the site folder; Trellis reads only what is inside the site, so copy what it points to into the site instead", at: at("Content/assets/passwd.txt")),
            .error(.unreadableFile, "Content/pages/secret.md is a symbolic link to \(away.path)/secret.md, outside the site folder; Trellis reads only what is inside the site, so copy what it points to into the site instead", at: at("Content/pages/secret.md")),
            .error(.unreadableFile, "Themes/default/templates/layout.mustache is a symbolic link to \(away.path)/layout.mustache, outside the site folder; Trellis reads only what is inside the site, so copy what it points to into the site instead", at: at("Themes/default/templates/layout.mustache")),
        ])
        XCTAssertFalse(result.wrote)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testContentOrAThemeThatIsItselfALinkOutsideTheSiteIsRefused() throws {
        let away = try outside(["pages/about.md": "---\ntitle: About\n---\n", "site.yml": TestSite.settings, "theme/assets/x.css": "a{}"])
        let site = try makeSite([:], settings: false)
        try link("Content", to: away.path, in: site)
        XCTAssertEqual(errors(site.build()), [
            .error(.unreadableFile, "Content is a symbolic link to \(away.path), outside the site folder; Trellis reads only what is inside the site, so copy what it points to into the site instead", at: at("Content")),
        ])
        let themed = try makeSite(["Content/site.yml": TestSite.settings + "\ntheme: trust\n"])
        try link("Themes/trust", to: away.path + "/theme", in: themed)
        XCTAssertEqual(errors(themed.build()), [
            .error(.unreadableFile, "Themes/trust is a symbolic link to \(away.path)/theme, outside the site folder; Trellis reads only what is inside the site, so copy what it points to into the site instead", at: at("Themes/trust")),
        ])
    }

    func testALinkThatStaysInsideTheSiteIsFollowed() throws {
        let site = try makeSite(["Shared/logo.png": "png", "Shared/maps/hampshire.svg": "<svg/>", "Drafts/about.md": page])
        try link("Content/assets/logo.png", to: "../../Shared/logo.png", in: site)
        try link("Content/assets/maps", to: "../../Shared/maps", in: site)
        try link("Content/pages/about.md", to: site.root.path + "/Drafts/about.md", in: site)
        buildClean(site)
        XCTAssertEqual(site.snapshot()["assets/logo.png"], Data("png".utf8))
        XCTAssertEqual(site.snapshot()["assets/maps/hampshire.svg"], Data("<svg/>".utf8))
        XCTAssertTrue(try site.page("about/").contains("Text."))
    }

    func testALinkThatLeadsNowhereOrRoundInALoopIsAnErrorNotAHang() throws {
        let site = try makeSite(["Content/pages/about.md": page, "Content/assets/maps/a.svg": "<svg/>"])
        try link("Content/pages/gone.md", to: "../drafts/gone.md", in: site)
        try link("Content/pages/circle.md", to: "circle.md", in: site)
        try link("Content/assets/maps/up", to: "..", in: site)
        try link("Content/assets/again", to: "maps", in: site)
        XCTAssertEqual(errors(site.build()), [
            .error(.unreadableFile, "Content/assets/again is a symbolic link to Content/assets/maps, which is inside Content/assets, read already, so its files would be read twice; remove the link", at: at("Content/assets/again")),
            .error(.unreadableFile, "Content/assets/maps/up is a symbolic link to Content/assets, a folder read already as Content/assets, so its files would be read twice; remove the link", at: at("Content/assets/maps/up")),
            .error(.unreadableFile, "Content/pages/circle.md is a symbolic link that leads round in a loop (to circle.md); remove it", at: at("Content/pages/circle.md")),
            .error(.unreadableFile, "Content/pages/gone.md is a symbolic link to ../drafts/gone.md, which does not exist; remove the link or put back what it points to", at: at("Content/pages/gone.md")),
        ])
    }

    func testALinkToAFolderHoldingTheWalkIsRefused() throws {
        let site = try makeSite(["Content/assets/a.txt": "a"])
        try link("Content/assets/site", to: "../..", in: site)
        XCTAssertEqual(errors(site.build()), [
            .error(.unreadableFile, "Content/assets/site is a symbolic link to the site folder, which holds Content/assets, so following it would go round for ever; remove the link", at: at("Content/assets/site")),
        ])
    }

    // MARK: Files that are not files

    func testANamedPipeIsRefusedWithoutWaitingForIt() throws {
        let site = try makeSite(["Content/pages/about.md": page])
        for path in ["Content/pages/pipe.md", "Content/assets/pipe.bin"] {
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            XCTAssertEqual(mkfifo(site.root.appendingPathComponent(path).path, 0o644), 0)
        }
        let started = Date()
        XCTAssertEqual(errors(site.build()), [
            .error(.unreadableFile, "Content/assets/pipe.bin is a named pipe, not a file; remove it (a site holds only files and folders)", at: at("Content/assets/pipe.bin")),
            .error(.unreadableFile, "Content/pages/pipe.md is a named pipe, not a file; remove it (a site holds only files and folders)", at: at("Content/pages/pipe.md")),
        ])
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "a pipe must not be opened and waited on")
    }

    func testAFolderNamedLikeADocumentIsAnError() throws {
        let site = try makeSite(["Content/pages/about.md/notes.txt": "x", "Content/partnerships": "not a folder"])
        XCTAssertEqual(site.build().diagnostics, [
            .error(.unreadableFile, "Content/pages/about.md is a folder, not a document; documents are files ending in .md", at: at("Content/pages/about.md")),
            .warning(.unexpectedFile, "Content/partnerships is a file, not a folder, and is left out; make it a folder", at: at("Content/partnerships")),
        ])
    }

    // MARK: Bytes

    func testAnEmptyFileIsMissingItsFrontMatter() throws {
        let site = try makeSite(["Content/pages/empty.md": "", "Content/contacts/chair.md": ""])
        XCTAssertEqual(errors(site.build()), [
            .error(.missingFrontMatter, "the file is empty; a document must start with front matter: a line '---', the settings, then another '---'",
                   at: at("Content/contacts/chair.md", line: 1, column: 1), suggestion: "---\nname: ...\nsummary: ...\n---"),
            .error(.missingFrontMatter, "the file is empty; a document must start with front matter: a line '---', the settings, then another '---'",
                   at: at("Content/pages/empty.md", line: 1, column: 1), suggestion: "---\ntitle: ...\nsummary: ...\n---"),
        ])
    }

    func testMixedLineEndingsCountLinesAsAnEditorDoes() throws {
        let site = try makeSite([:])
        // Lines end: 1 CRLF, 2 LF, 3 CR, 4 CRLF, 5 CR, 6 CR; the link is on line 7.
        try site.write("Content/pages/mixed.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Mixed\nsummary: Three kinds of line end\r---\r\n\r\rSee [the plan](nowhere.md).\n".utf8))
        XCTAssertEqual(errors(site.build()), [
            .error(.unknownReference, "no page 'nowhere' (Content/pages/nowhere.md)", at: at("Content/pages/mixed.md", line: 7, column: 5)),
        ])
    }

    func testABadByteAfterMixedLineEndingsIsPlacedOnTheRightLine() throws {
        let site = try makeSite([:])
        try site.write("Content/pages/latin.md", bytes: Array("---\rtitle: Caf".utf8) + [0xE9] + Array("\r\n---\n".utf8))
        try site.write("Content/pages/nul.md", bytes: Array("---\r\ntitle: A\r\rsum".utf8) + [0] + Array("\n---\n".utf8))
        XCTAssertEqual(errors(site.build()), [
            .error(.notUTF8, "the file is not UTF-8 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)", at: at("Content/pages/latin.md", line: 2, column: 11)),
            .error(.notUTF8, "the file holds a NUL byte, so it is not a text file; remove it (or re-save the file as UTF-8 text)", at: at("Content/pages/nul.md", line: 4, column: 4)),
        ])
    }

    // MARK: Names that differ only in case

    func testAssetsWhoseNamesDifferOnlyInCaseAreAnError() throws {
        let site = try makeSite(["Content/assets/Logo.png": "1", "Content/assets/logo.png": "2", "Content/assets/maps/Caf\u{E9}.svg": "3", "Content/assets/Maps/other.svg": "5"])
        // Swift holds the two spellings of "é" equal, so a dictionary literal cannot hold both.
        try site.write("Content/assets/maps/Cafe\u{301}.svg", "4")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path + "/Content/assets/maps").count, 2, "the file system keeps both spellings")
        XCTAssertEqual(errors(site.build()), [
            .error(.badFileName, "Content/assets/logo.png and Content/assets/Logo.png differ only in case, so on a case-insensitive disk or host (macOS, Windows) one would replace the other; rename one of them", at: at("Content/assets/logo.png")),
            .error(.badFileName, "Content/assets/maps/Caf\u{E9}.svg and Content/assets/maps/Cafe\u{301}.svg are one name with its accents encoded two ways (NFC and NFD), so on a case-insensitive disk or host (macOS, Windows) one would replace the other; rename one of them", at: at("Content/assets/maps/Caf\u{E9}.svg")),
        ])
    }

    func testADocumentAndAnAssetWithTheSameNameDoNotCollide() throws {
        let site = try makeSite(["Content/pages/about.md": page, "Content/assets/About.png": "png", "Content/assets/about.md": "kept as a file"])
        buildClean(site)
        XCTAssertTrue(site.exists("about/index.html"))
        XCTAssertEqual(site.snapshot()["assets/About.png"], Data("png".utf8))
        XCTAssertEqual(site.snapshot()["assets/about.md"], Data("kept as a file".utf8))
    }

    func testAFileNameWithCapitalsBreaksTheIdRulesEvenBesideItsLowerCaseTwin() throws {
        let site = try makeSite(["Content/partnerships/Gosport.md": page, "Content/partnerships/gosport.md": page])
        XCTAssertEqual(errors(site.build()), [
            .error(.badFileName, "'Gosport' is not a valid id: ids are lower-case letters, digits and single hyphens; rename the file to gosport.md", at: at("Content/partnerships/Gosport.md")),
        ])
    }

    // MARK: Paths made from content

    func testAThemeNameThatLeavesThemesIsRefused() throws {
        let away = try outside(["assets/stolen.txt": "x"])
        for name in ["../../\(away.lastPathComponent)", "/etc", ".hidden", "default/../../x"] {
            let site = try makeSite(["Content/site.yml": TestSite.settings + "\ntheme: \"\(name)\"\n"])
            let result = site.build()
            XCTAssertEqual(errors(result), [
                .error(.template, "'\(name)' is not a theme's name: a theme is a folder directly inside Themes/, named without '/' or a leading '.'; write theme: default or the name of a folder in Themes/", at: at("Content/site.yml")),
            ], name)
            XCTAssertFalse(result.wrote)
        }
    }

    func testAPageWhoseNameIsOneLetterIsWrittenIntoItsFolder() throws {
        let site = try makeSite(["Content/pages/x.md": page, "Content/assets/y/z.txt": "z"])
        buildClean(site)
        XCTAssertTrue(try site.page("x/").contains("A page"))
        XCTAssertEqual(site.read("Public/assets/y/z.txt"), "z")
        XCTAssertEqual(["x/index.html", "x", "assets/y/z.txt", "a/b/c"].map(OutputWriter.folder(of:)), ["x", "", "assets/y", "a/b"])
    }

    func testOutputPathsThatCouldLeaveTheOutputFolderAreRefused() throws {
        for path in ["../x.html", "a/../../b.html", "/etc/passwd", "", "a//b.html", "./a.html", "a/.", "a/..", "a\0b"] {
            XCTAssertFalse(OutputWriter.isContained(path), path)
        }
        for path in ["index.html", "partnerships/gosport/index.html", "assets/..hidden", "assets/a..b.png"] {
            XCTAssertTrue(OutputWriter.isContained(path), path)
        }
        let site = try makeSite([:])
        let files = [OutputFile(path: "index.html", data: Data()), OutputFile(path: "../escaped.html", data: Data("x".utf8))]
        guard case .failure(let problem) = OutputWriter.write(files, to: site.output, site: site.root) else { return XCTFail("written") }
        XCTAssertEqual(problem, .error(.output, "refusing to write '../escaped.html': the path would leave the output folder", at: nil))
        XCTAssertFalse(site.exists("index.html", in: site.root))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("escaped.html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted(), ["Content"])
    }

    // MARK: Output folders

    func testOutputFoldersThatHoldTheSiteAreRefusedHoweverTheyAreNamed() throws {
        let site = try makeSite(["Content/pages/about.md": page, "Themes/default/assets/x.css": "a{}"])
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try link("here", to: ".", in: site)
        try link("content-link", to: "Content", in: site)
        let root = site.root.resolvingSymlinksInPath().path
        let refusal = { (target: String) in "refusing to write the site to \(target): it would replace the site's own files; choose a folder of its own, such as \(root)/Public" }
        let cases: [(String, String)] = [
            (site.root.path, root), (site.root.path + "/Public/..", root), (site.root.path + "/here", root), (site.root.path + "/here/Content/..", root),
            (site.root.path + "/Content", root + "/Content"), (site.root.path + "/content-link", root + "/Content"),
            (site.root.path + "/Content/assets", root + "/Content/assets"), (site.root.path + "/Themes", root + "/Themes"),
            (site.root.path + "/Themes/default", root + "/Themes/default"), (site.root.path + "/.git", root + "/.git"),
            ("/", "/"), (site.root.deletingLastPathComponent().path, site.root.deletingLastPathComponent().resolvingSymlinksInPath().path),
            (NSHomeDirectory(), URL(fileURLWithPath: NSHomeDirectory()).resolvingSymlinksInPath().path),
        ]
        for (output, target) in cases {
            let options = BuildOptions(site: site.root, output: URL(fileURLWithPath: output, isDirectory: true).standardizedFileURL, now: Date())
            XCTAssertEqual(options.outputProblem, refusal(target), output)
            let result = Builder.build(options)
            XCTAssertFalse(result.wrote, output)
            XCTAssertEqual(errors(result).map(\.message), [refusal(target)], output)
        }
        XCTAssertTrue(site.exists("Content/pages/about.md", in: site.root))
        XCTAssertTrue(site.exists("Themes/default/assets/x.css", in: site.root))
    }

    func testAFolderOfFilesNoBuildWroteIsNotReplaced() throws {
        let site = try makeSite(["Content/pages/about.md": page])
        let documents = try outside(["thesis.docx": "years of work"])
        let options = BuildOptions(site: site.root, output: documents, now: Date())
        let message = "refusing to replace \(documents.resolvingSymlinksInPath().path): it holds files that trellis build did not write (it has no build.json), and a build replaces the whole folder; choose a new or empty folder, or empty this one first"
        XCTAssertEqual(options.outputProblem, message)
        XCTAssertEqual(errors(Builder.build(options)).map(\.message), [message])
        XCTAssertEqual(try String(contentsOf: documents.appendingPathComponent("thesis.docx"), encoding: .utf8), "years of work")
        // An empty folder, one holding only hidden files (a .gitkeep), and a previous build's output are fine.
        let empty = try outside([".gitkeep": ""])
        XCTAssertNil(BuildOptions(site: site.root, output: empty, now: Date()).outputProblem)
        XCTAssertTrue(Builder.build(BuildOptions(site: site.root, output: empty, now: Date())).wrote)
        XCTAssertNil(BuildOptions(site: site.root, output: empty, now: Date()).outputProblem)
    }

    func testAnOutputThatIsALinkReplacesTheFolderItPointsTo() throws {
        let site = try makeSite(["Content/pages/about.md": page])
        let www = try outside()
        try link("Public", to: www.path + "/site", in: site)
        buildClean(site)
        try site.write("Content/pages/about.md", "---\ntitle: About us\n---\n")
        buildClean(site)
        let attributes = try FileManager.default.attributesOfItem(atPath: site.output.path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeSymbolicLink, "the link itself is kept")
        XCTAssertTrue(String(decoding: FileManager.default.contents(atPath: www.path + "/site/about/index.html") ?? Data(), as: UTF8.self).contains("About us"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: www.path), ["site"], "staging, old output and lock are gone")
    }

    // MARK: Rebuilds keep unchanged files

    /// The inode of an output file, which says whether a rebuild kept it or wrote it anew.
    private func inode(_ path: String, in folder: URL) throws -> UInt64 {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path))[.systemFileNumber] as? UInt64)
    }

    /// Writes `files` (path: text) as a whole output and deletes the one it replaced, unless asked to keep it.
    @discardableResult
    private func publish(_ files: [String: String], to output: URL, site: TestSite) throws -> ReplacedOutput? {
        let outputFiles = files.map { OutputFile(path: $0.key, data: Data($0.value.utf8)) } + [OutputFile(path: "build.json", data: Data("{}".utf8))]
        return try OutputWriter.write(outputFiles, to: output, site: site.root).get()
    }

    func testARebuildKeepsTheFilesOfUnchangedPagesAndWritesOnlyTheOthers() throws {
        let site = try makeSite([:])
        try publish(["a.html": "same", "b.html": "before", "c/d.html": "kept"], to: site.output, site: site)
        let before = try ["a.html", "b.html", "c/d.html"].map { try inode($0, in: site.output) }
        let replaced = try XCTUnwrap(try publish(["a.html": "same", "b.html": "after", "c/d.html": "kept", "e.html": "added"], to: site.output, site: site))
        XCTAssertEqual(try inode("a.html", in: site.output), before[0], "an unchanged file is kept")
        XCTAssertEqual(try inode("c/d.html", in: site.output), before[2])
        XCTAssertNotEqual(try inode("b.html", in: site.output), before[1], "a changed file is written anew, never in place")
        XCTAssertEqual(site.read("Public/b.html"), "after")
        XCTAssertEqual(site.read("Public/e.html"), "added")
        XCTAssertEqual(try String(contentsOf: replaced.folder.appendingPathComponent("b.html"), encoding: .utf8), "before", "the previous output is untouched until it is deleted")
        replaced.remove()
        XCTAssertEqual(site.read("Public/a.html"), "same", "deleting the previous output leaves the kept files")
    }

    func testARebuildWritesAgainWhatWasChangedByHandOrIsNotAPlainFileOfItsOwn() throws {
        let site = try makeSite([:])
        let files = ["a.html": "same", "b.html": "link", "c/d.html": "folder", "x.html": "mode", "y.html": "linked twice"]
        try publish(files, to: site.output, site: site)
        let elsewhere = try outside(["b.html": "link", "c/d.html": "folder"])
        let output = site.output
        try Data("sane".utf8).write(to: output.appendingPathComponent("a.html")) // edited by hand, same length
        try FileManager.default.removeItem(at: output.appendingPathComponent("b.html"))
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("b.html").path, withDestinationPath: elsewhere.path + "/b.html")
        try FileManager.default.removeItem(at: output.appendingPathComponent("c"))
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("c").path, withDestinationPath: elsewhere.path + "/c")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output.appendingPathComponent("x.html").path)
        try FileManager.default.linkItem(at: output.appendingPathComponent("y.html"), to: elsewhere.appendingPathComponent("y.html"))
        let before = try files.keys.map { try inode($0, in: output) }
        let outsideBefore = try ["b.html", "c/d.html", "y.html"].map { try inode($0, in: elsewhere) }

        try publish(files, to: output, site: site)
        for (path, old) in zip(files.keys, before) {
            XCTAssertNotEqual(try inode(path, in: output), old, path)
            XCTAssertEqual(site.read("Public/" + path), files[path], path)
        }
        let written = try files.keys.map { try inode($0, in: output) }
        XCTAssertTrue(Set(written).isDisjoint(with: outsideBefore), "no file outside the output is linked into it")
        for path in ["b.html", "c"] {
            let type = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.type] as? FileAttributeType
            XCTAssertNotEqual(type, .typeSymbolicLink, path)
        }
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("x.html").path))[.posixPermissions] as? Int, 0o644)
        XCTAssertEqual(try String(contentsOf: elsewhere.appendingPathComponent("y.html"), encoding: .utf8), "linked twice")
    }

    // MARK: Leftovers and the lock

    func testAKilledBuildsLeftoversAreRemovedByTheNextBuild() throws {
        let site = try makeSite(["Content/pages/about.md": page])
        buildClean(site)
        for leftover in [".Public.new-4194300", ".Public.old-4194301/about", ".Public.new-\(getppid())/x"] {
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent(leftover), withIntermediateDirectories: true)
        }
        try site.write(".Public.lock", "4194302\n")
        buildClean(site)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted(), ["Content", "Public"])
    }

    func testABuildWaitsForTheLockAnotherBuildHolds() throws {
        let site = try makeSite(["Content/pages/about.md": page])
        guard case .success(let held) = OutputLock.acquire(OutputWriter.resolved(site.output), waiting: { _ in XCTFail("the first lock does not wait") }) else { return XCTFail("no lock") }
        XCTAssertEqual(site.read(".Public.lock"), "\(getpid())\n")
        let reporter = WaitRecorder()
        let finished = expectation(description: "the second build finished")
        let second = LockedBox<BuildResult?>(nil)
        DispatchQueue.global().async {
            let written = WrittenTime.parse(TestSite.now)!
            second.value = Builder.build(BuildOptions(site: site.root, now: Date(), nowWritten: written), reporter: reporter)
            finished.fulfill()
        }
        Thread.sleep(forTimeInterval: 1)
        XCTAssertNil(second.value, "the second build went ahead while the lock was held")
        XCTAssertFalse(site.exists("Public", in: site.root))
        XCTAssertEqual(reporter.waits, [Optional(getpid())])
        held.release()
        wait(for: [finished], timeout: 60)
        XCTAssertEqual(second.value?.wrote, true)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted(), ["Content", "Public"])
    }
}

/// Records the pids a build said it waited for.
private final class WaitRecorder: BuildReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int32?] = []
    var waits: [Int32?] { lock.withLock { recorded } }
    func stage(_ name: String, count: Int?) {}
    func waiting(forBuild pid: Int32?, of output: URL) { lock.withLock { recorded.append(pid) } }
}

/// A value shared with another thread.
private final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

private extension TestSite {
    /// The text of a file anywhere in the site folder.
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }
}
