import Foundation
import XCTest

/// What happens to the machine during a build: `kill -9` at random moments, two builds of one
/// output at once, a full disk, and files the build's user may not read. The previous `Public/`
/// must come through each byte for byte, or be replaced whole.
final class FaultTests: XCTestCase {
    private let now = "2011-01-20"

    // MARK: kill -9

    func testKillingABuildAtAnyMomentLeavesTheOldOutputOrTheNewOneWhole() throws {
        let site = try largeSite(documents: 2000)
        let seed = UInt64(ProcessInfo.processInfo.environment["TRELLIS_KILL_SEED"] ?? "") ?? 20_110_120
        var random = SplitMix64(seed: seed)
        // Two versions of the site in which every page differs (the site's title is on each).
        func use(_ version: Int) throws { try site.write("Content/site.yml", "title: Trust \(version)\nbase_url: https://www.example.org/trust/\n") }
        var versions: [Int: [String: Data?]] = [:]
        var duration = 0.0, writing = 0.0
        for version in [1, 2] {
            try use(version)
            let build = try Started(["build", "--now", now], in: site.root)
            let stagedAfter = build.waitFor(".Public.new-\(build.process.processIdentifier)", in: site.root)
            let run = try build.finish(timeout: 300)
            XCTAssertEqual(run.status, 0, run.stderr)
            duration = max(duration, build.elapsed)
            writing = max(writing, build.elapsed - (stagedAfter ?? 0))
            versions[version] = site.snapshot()
        }
        XCTAssertGreaterThan(versions[1]!.count, 2000)
        XCTAssertGreaterThan(versions[1]!.count { versions[2]![$0.key] != $0.value }, 2000, "the two versions must differ on every page")
        try waitForNoLeftovers(in: site)

        // Odd rounds kill at any moment of the build; even ones once the new tree is being written,
        // so the writing, the save to disk and the swap are hit too; every fourth just after the
        // swap (the old output renamed for deletion), so that the new output is checked whole.
        var current = 2, onDisk = 2
        var outcomes = ["killed, old output kept": 0, "killed after the swap, new output whole": 0, "finished before the kill": 0]
        let rounds = Int(ProcessInfo.processInfo.environment["TRELLIS_KILL_ROUNDS"] ?? "") ?? 16
        for round in 1...rounds {
            let next = 3 - current
            try use(next)
            onDisk = next
            let fraction = Double(random.next() % 1000) / 1000
            let build = try Started(["build", "--now", now], in: site.root)
            var moment = "\(String(format: "%.2f", fraction * duration * 1.2)) s into the build"
            if round.isMultiple(of: 4) {
                moment = "just after the swap"
                _ = build.waitFor(".Public.old-\(build.process.processIdentifier)", in: site.root)
            } else if round.isMultiple(of: 2) {
                moment = "\(String(format: "%.3f", fraction * writing * 1.2)) s after it began writing"
                _ = build.waitFor(".Public.new-\(build.process.processIdentifier)", in: site.root)
                Thread.sleep(forTimeInterval: fraction * writing * 1.2)
            } else {
                Thread.sleep(forTimeInterval: fraction * duration * 1.2)
            }
            kill(build.process.processIdentifier, SIGKILL)
            let run = try build.finish(timeout: 300)
            let after = site.snapshot()
            let place = "round \(round) (seed \(seed), killed \(moment); builds take \(String(format: "%.2f", duration)) s, writing \(String(format: "%.2f", writing)) s)"
            if build.process.terminationReason == .exit {
                XCTAssertEqual(run.status, 0, "\(place): \(run.stderr)")
                XCTAssertTrue(after == versions[next], "\(place): a finished build left the wrong output")
                outcomes["finished before the kill"]! += 1
                current = next
            } else if after == versions[current] {
                outcomes["killed, old output kept"]! += 1
            } else if after == versions[next] {
                outcomes["killed after the swap, new output whole"]! += 1
                current = next
            } else {
                let old = after.count { versions[current]![$0.key] == $0.value }, new = after.count { versions[next]![$0.key] == $0.value }
                return XCTFail("\(place): Public/ is a mix: \(after.count) entries, \(old) as in the old output, \(new) as in the new, \(versions[current]!.count) in each whole one")
            }
        }
        print("kill test, seed \(seed), builds of \(String(format: "%.2f", duration)) s writing for \(String(format: "%.2f", writing)) s: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))")

        // The content on disk is the last round's `next`, whatever became of that round's build.
        let final = try TrellisCommand.run(["build", "--now", now], in: site.root, timeout: 300)
        XCTAssertEqual(final.status, 0, final.stderr)
        XCTAssertTrue(site.snapshot() == versions[onDisk], "the build after the kills did not give the site as it stands")
        try waitForNoLeftovers(in: site)
    }

    // MARK: Two builds at once

    func testTwoBuildsAtOnceRunOneAfterTheOtherAndTheSecondSaysSo() throws {
        let site = try largeSite(documents: 1000)
        let first = try Started(["build", "--now", now], in: site.root)
        let pid = first.process.processIdentifier
        // The first build holds the lock once it has written its pid into the lock file.
        let deadline = Date().addingTimeInterval(60)
        while site.read(".Public.lock") != "\(pid)\n" && Date() < deadline && first.process.isRunning { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertTrue(first.process.isRunning, "the first build finished before the second could start; the site is too small")
        let second = try Started(["build", "--now", now], in: site.root)
        let (one, two) = (try first.finish(timeout: 300), try second.finish(timeout: 300))
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(two.status, 0, two.stderr)
        let output = site.root.resolvingSymlinksInPath().appendingPathComponent("Public").path
        XCTAssertEqual(two.stderrLines.filter { $0.hasPrefix("trellis: another build") },
                       ["trellis: another build is writing \(output) (pid \(pid)); waiting for it to finish…"])
        XCTAssertFalse(one.stderr.contains("another build"), one.stderr)
        let after = site.snapshot()
        let again = try TrellisCommand.run(["build", "--now", now], in: site.root, timeout: 300)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(site.snapshot(), after, "the output of two builds at once differs from one build's")
        try waitForNoLeftovers(in: site)
    }

    // MARK: A full disk

    func testAFullDiskFailsClearlyAndLeavesThePreviousOutput() throws {
        let site = try makeSite(["Content/pages/about.md": "---\ntitle: About\n---\n\nText.\n"])
        let disk = site.root.appendingPathComponent("Disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard geteuid() == 0 else { throw XCTSkip("the full-disk test mounts a 2 MB tmpfs, which needs root; run the tests as root to include it") }
        let mount = try Started(["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path], in: site.root, executable: "/bin/mount")
        let mounted = try mount.finish(timeout: 30)
        guard mounted.status == 0 else { throw XCTSkip("cannot mount a tmpfs here (\(mounted.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); the full-disk test needs root with permission to mount") }
        addTeardownBlock { _ = try? Started(["-l", disk.path], in: URL(fileURLWithPath: "/"), executable: "/bin/umount").finish(timeout: 30) }

        let built = try site.trellis("build", "--now", now, "--output", "Disk/Public")
        XCTAssertEqual(built.status, 0, built.stderr)
        let before = site.snapshot("Disk/Public")
        XCTAssertGreaterThan(before.count, 10)
        try site.write("Content/assets/big.bin", bytes: (0..<2_500_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let full = try site.trellis("build", "--now", now, "--output", "Disk/Public")
        XCTAssertEqual(full.status, 1, full.stderr)
        let output = disk.resolvingSymlinksInPath().appendingPathComponent("Public").path
        XCTAssertEqual(full.stderrLines.filter { $0.contains("error:") },
                       ["trellis: error: no space left on device while writing assets/big.bin into \(output); the previous Public/ is unchanged"])
        XCTAssertEqual(site.snapshot("Disk/Public"), before, "the previous output changed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.path), ["Public"], "the staging folder or the lock was left on the full disk")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/assets/big.bin"))
        let again = try site.trellis("build", "--now", now, "--output", "Disk/Public")
        XCTAssertEqual(again.status, 0, again.stderr)
    }

    // MARK: Files the build may not read

    func testUnreadableFilesAndFoldersAreErrorsNamingThem() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("this test runs trellis as the user 'nobody' (root bypasses permissions), which needs root and setpriv")
        }
        let site = try makeSite(["Content/pages/about.md": "---\ntitle: About\n---\n", "Content/pages/secret.md": "---\ntitle: Secret\n---\n",
                                 "Content/assets/private/minutes.pdf": "pdf"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".git")) // git refuses a repository its user does not own
        try Started(["-R", "a+rwX", site.root.path], in: site.root, executable: "/bin/chmod").finish(timeout: 30)
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", try TrellisCommand.binary().path, "build", "--now", now]
        let built = try Started(asNobody, in: site.root, executable: "/usr/bin/setpriv").finish(timeout: 120)
        XCTAssertEqual(built.status, 0, built.stderr)
        let before = site.snapshot()
        chmod(site.root.appendingPathComponent("Content/pages/secret.md").path, 0)
        chmod(site.root.appendingPathComponent("Content/assets/private").path, 0)
        let run = try Started(asNobody, in: site.root, executable: "/usr/bin/setpriv").finish(timeout: 120)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stderrLines.filter { $0.contains("error:") }, [
            "Content/assets/private: error: cannot read the folder Content/assets/private (permission denied); check its permissions",
            "Content/pages/secret.md: error: cannot read Content/pages/secret.md (permission denied); check its permissions",
        ])
        XCTAssertEqual(site.snapshot(), before)
    }

    // MARK: Helpers

    /// A site of `documents` small pages, outside git (so every build reads the same and no more).
    private func largeSite(documents: Int) throws -> SiteFolder {
        let site = try makeSite([:])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".git"))
        for number in 1...documents {
            try site.write("Content/pages/page-\(number).md", "---\ntitle: Page \(number)\nsummary: Page \(number) of the test site.\n---\n\nSome text for page \(number), with [a link](page-\(number % documents + 1).md).\n")
        }
        return site
    }

    /// Waits (the old output is deleted in the background) until nothing but Public/ is left beside it.
    private func waitForNoLeftovers(in site: SiteFolder, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(60)
        var left: [String] = []
        repeat {
            left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Public") }.sorted()
            if left.isEmpty { return }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        XCTFail("left beside Public/ a minute after the build: \(left.joined(separator: ", "))", file: file, line: line)
    }
}

/// A process started now and finished (or killed) later, its output kept in files.
private final class Started {
    let process = Process()
    private let scratch: URL

    init(_ arguments: [String], in folder: URL, executable: String? = nil) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-started-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        process.executableURL = try executable.map { URL(fileURLWithPath: $0) } ?? TrellisCommand.binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        process.environment = environment
        for name in ["stdout", "stderr"] { FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    private let started = Date()

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Seconds since the process started (until it ended, once `finish` has returned).
    private(set) var elapsed = 0.0

    /// Waits until `name` appears in `folder` while the process runs; seconds since the start, or nil if it never did.
    func waitFor(_ name: String, in folder: URL) -> Double? {
        let path = folder.appendingPathComponent(name).path
        while process.isRunning {
            if FileManager.default.fileExists(atPath: path) { return Date().timeIntervalSince(started) }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return nil
    }

    /// Waits for the process to end; what it printed.
    @discardableResult
    func finish(timeout: TimeInterval) throws -> TrellisCommand.Run {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            throw TrellisCommand.Failure("\(process.executableURL!.lastPathComponent) \(process.arguments!.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        process.waitUntilExit()
        elapsed = Date().timeIntervalSince(started)
        return TrellisCommand.Run(status: process.terminationStatus,
                                  stdout: String(decoding: try Data(contentsOf: scratch.appendingPathComponent("stdout")), as: UTF8.self),
                                  stderr: String(decoding: try Data(contentsOf: scratch.appendingPathComponent("stderr")), as: UTF8.self))
    }
}

/// A small random number generator with a seed, so a failing kill schedule can be run again.
private struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
