import ArgumentParser
import Foundation
import TrellisKit

/// Runs a build and reports it: diagnostics on standard error, a one-line summary, the next change.
enum Console {
    /// `strict` turns every warning into an error, so CI fails on them.
    static func run(_ options: BuildOptions, verb: String, strict: Bool = false) throws {
        let started = Date()
        var options = options
        options.keepsReplacedOutput = true
        let reporter = ConsoleReporter(showsStages: isatty(2) == 1)
        var result = Builder.build(options, reporter: reporter)
        if strict { result.diagnostics = result.diagnostics.map { Diagnostic(.error, $0.code, $0.message, at: $0.location, suggestion: $0.suggestion) } }
        if reporter.showsStages { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        var text = result.diagnostics.map(\.formatted).joined(separator: "\n")
        if !text.isEmpty { text += "\n" }
        let errors = result.diagnostics.count { $0.severity == .error }
        let warnings = result.diagnostics.count - errors
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        if result.failed {
            text += "trellis: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(strict ? " (--strict counts warnings as errors)" : ""); nothing written (\(seconds) s)\n"
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data(text.utf8))
        var summary = "trellis: \(verb) \(result.pageCount) pages, \(result.fileCount) files, \(warnings) warning\(warnings == 1 ? "" : "s"), 0 errors in \(seconds) s"
        if options.write { summary += " into \(options.outputFolder.path)" }
        print(summary)
        print("next change: \(result.nextChangeText ?? "none") (now: \(result.nowText))")
        fflush(stdout)
        // The old output goes once the build has been reported: deleting thousands of files is no part of building.
        result.replaced?.removeInBackground()
    }
}

/// Shows the stage on one line of the terminal (only when standard error is a terminal), and says
/// when the build waits for another build of the same output.
final class ConsoleReporter: BuildReporter, @unchecked Sendable {
    let showsStages: Bool

    init(showsStages: Bool) { self.showsStages = showsStages }

    func stage(_ name: String, count: Int?) {
        guard showsStages else { return }
        let line = count.map { "\(name) (\($0))" } ?? name
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)…".utf8))
    }

    func waiting(forBuild pid: Int32?, of output: URL) {
        let holder = pid.map { " (pid \($0))" } ?? ""
        FileHandle.standardError.write(Data("trellis: another build is writing \(output.path)\(holder); waiting for it to finish…\n".utf8))
    }
}
