import Foundation

/// Reads the history of a whole site with git's own command line: one `git log` for every file,
/// never one process per file, and no dates at all rather than wrong ones.
enum GitLog {
    /// The code of the warning given when git cannot tell the dates.
    // TODO(lead): a dedicated `DiagnosticCode.gitHistory` ("git-history") would name this better.
    static let warningCode: DiagnosticCode = .gitHistory

    /// What the pages lose when there is no history, said after the reason.
    static let fallback = "pages show no 'Last updated' date or 'Page history' (only dates written as 'updated:')"

    /// The site's history, or an empty one and a single warning saying why.
    static func read(site: URL) -> (SiteHistory, [Diagnostic]) {
        let probe = run(["rev-parse", "--is-shallow-repository", "--show-prefix"], in: site)
        guard probe.status == 0 else { return (.empty, [warning(notInGit: probe)]) }
        let lines = probe.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let prefix = lines.count > 1 ? lines[1] : ""
        if lines.first == "true" {
            return (SiteHistory(changes: [:], prefix: prefix), [.warning(warningCode,
                "this is a shallow clone, so git does not know when each file last changed and \(fallback); fetch the whole history with 'git fetch --unshallow' (in GitHub Actions: actions/checkout with fetch-depth: 0)", at: nil)])
        }
        let log = run(["-c", "core.quotepath=off", "-c", "log.showSignature=false", "log", "--no-merges", "--relative", "--name-only",
                       "--format=%x1e%ct%x1f%s", "--", "Content"], in: site)
        guard log.status == 0 else {
            // A repository with no commits yet has no history to show, and nothing is wrong.
            if log.error.contains("does not have any commits") { return (SiteHistory(changes: [:], prefix: prefix), []) }
            return (SiteHistory(changes: [:], prefix: prefix), [.warning(warningCode, "git log failed (\(firstLine(log.error))), so \(fallback)", at: nil)])
        }
        return (SiteHistory(changes: parse(log.output), prefix: prefix), [])
    }

    /// Changes by path from `git log --name-only --format=%x1e%ct%x1f%s`, newest first as git lists them.
    static func parse(_ output: String) -> [String: [SiteHistory.Change]] {
        var changes: [String: [SiteHistory.Change]] = [:]
        for record in output.split(separator: "\u{1E}") {
            var lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard !lines.isEmpty else { continue }
            let header = lines.removeFirst().split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            guard let seconds = header.first.flatMap({ TimeInterval($0) }) else { continue }
            let change = SiteHistory.Change(date: Date(timeIntervalSince1970: seconds), message: header.count > 1 ? String(header[1]) : "")
            for path in lines { changes[String(path), default: []].append(change) }
        }
        return changes
    }

    private static func warning(notInGit probe: Output) -> Diagnostic {
        let reason: String
        if probe.status == 127 || probe.error.contains("No such file") {
            reason = "git is not installed (or not on PATH)"
        } else if probe.error.contains("not a git repository") {
            reason = "the site is not in a git repository"
        } else {
            reason = "git cannot read the repository (\(firstLine(probe.error)))"
        }
        return .warning(warningCode, "\(reason), so \(fallback); commit the site to git to have them", at: nil)
    }

    private static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? "no message"
        return line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line
    }

    /// What a finished git process printed.
    struct Output {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `git -C folder arguments...` and waits, reading both pipes to their end.
    static func run(_ arguments: [String], in folder: URL) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Output(status: 127, output: "", error: "\(error)")
        }
        let errorData = ErrorBuffer()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), error: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Standard error, filled by the thread that drains it.
    private final class ErrorBuffer: @unchecked Sendable { var data = Data() }
}
