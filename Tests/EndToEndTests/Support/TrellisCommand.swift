import Foundation
import XCTest

/// The built `trellis` binary, run as an editor or CI would run it.
enum TrellisCommand {
    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard error's lines, without the trailing empty one.
        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }

        /// Standard error's lines without the last summary line (which holds the time taken).
        var problemLines: [String] {
            stderrLines.filter { $0.wholeMatch(of: #/trellis: \d+ errors?, \d+ warnings?; nothing written \(\d+\.\d\d s\)/#) == nil }
        }
    }

    /// The `trellis` beside the test bundle (the build's products folder), or a skip saying how to build it.
    static func binary() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["TRELLIS_BINARY"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw Failure("TRELLIS_BINARY is \(path), which is not an executable file")
            }
            return URL(fileURLWithPath: path)
        }
        var folders: [URL] = []
        for bundle in [Bundle(for: Marker.self), Bundle.main] {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
            folders.append(bundle.bundleURL)
            if let executable = bundle.executableURL { folders.append(executable.deletingLastPathComponent()) }
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("trellis")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        let looked = Set(folders.map(\.path)).sorted().joined(separator: ", ")
        throw XCTSkip("no trellis binary next to the tests (looked in \(looked)); run `swift build` first (make test does), or set TRELLIS_BINARY")
    }

    /// Runs `trellis arguments...` in `folder`, with a time limit so a hang fails instead of stalling the suite.
    static func run(_ arguments: [String], in folder: URL, timeout: TimeInterval = 60) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        process.environment = environment
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw Failure("trellis \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A failure to report as a thrown error, so the test stops there.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    private final class Marker {}
}

/// A site folder holding only what a test writes (no Themes/, so the built-in theme is used),
/// committed to a git repository as real sites are, so builds have no "not in git" warning.
struct SiteFolder {
    let root: URL

    static let settings = "title: Test Trust\nbase_url: https://www.example.org/trust/\n"

    /// Writes `files` (relative path -> text) under a new temporary folder; site.yml is added when not given.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var files = files
        if files["Content/site.yml"] == nil { files["Content/site.yml"] = Self.settings }
        for (path, text) in files { try write(path, bytes: Array(text.utf8)) }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", "Site for a test")
    }

    /// Runs git in the site folder with a fixed author and date, whatever the machine's configuration.
    func git(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Trellis tests", "-c", "user.email=tests@example.org", "-c", "init.defaultBranch=main", "-c", "commit.gpgSign=false"] + arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_AUTHOR_DATE"] = "2011-01-15T12:00:00Z"
        environment["GIT_COMMITTER_DATE"] = "2011-01-15T12:00:00Z"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TrellisCommand.Failure("git \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus) in \(root.path); the end-to-end tests need git (make test installs it)")
        }
    }

    private init(root: URL) { self.root = root }

    /// A copy of this site folder, with its git repository and output, in a new temporary folder.
    func copy() throws -> SiteFolder {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: root, to: copy)
        return SiteFolder(root: copy)
    }

    /// Writes one file byte for byte.
    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Writes one file as UTF-8 text.
    func write(_ path: String, _ text: String) throws { try write(path, bytes: Array(text.utf8)) }

    /// Runs trellis in the site folder.
    func trellis(_ arguments: String...) throws -> TrellisCommand.Run {
        try TrellisCommand.run(arguments, in: root)
    }

    /// Every file and folder under `folder` (default `Public/`) with its bytes (nil for a folder), by relative path.
    func snapshot(_ folder: String = "Public") -> [String: Data?] {
        let base = root.appendingPathComponent(folder).resolvingSymlinksInPath()
        var files: [String: Data?] = [:]
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey]) else { return files }
        for case let url as URL in walker {
            let path = String(url.resolvingSymlinksInPath().path.dropFirst(base.path.count + 1))
            let isFolder = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
            files[path] = isFolder ? .some(nil) : FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    /// The text of a written file.
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    func delete() { try? FileManager.default.removeItem(at: root) }
}

extension XCTestCase {
    /// A site folder deleted when the test ends; skips the test when there is no trellis binary.
    func makeSite(_ files: [String: String]) throws -> SiteFolder {
        _ = try TrellisCommand.binary()
        let site = try SiteFolder(files)
        addTeardownBlock { site.delete() }
        return site
    }
}
