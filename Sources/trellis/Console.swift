import ArgumentParser
import Foundation
import TrellisKit

/// Runs a build and reports it: diagnostics on standard error, a one-line summary, the next change.
enum Console {
    /// `strict` turns every warning into an error, so CI fails on them.
    static func run(_ options: BuildOptions, verb: String, strict: Bool = false) throws {
        let started = Date()
        let reporter: BuildReporter? = isatty(2) == 1 ? TerminalProgress() : nil
        var result = Builder.build(options, reporter: reporter)
        if strict { result.diagnostics = result.diagnostics.map { Diagnostic(.error, $0.code, $0.message, at: $0.location, suggestion: $0.suggestion) } }
        if reporter != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
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
    }
}

/// Shows the stage on one line of the terminal; only used when standard error is a terminal.
final class TerminalProgress: BuildReporter, @unchecked Sendable {
    func stage(_ name: String, count: Int?) {
        let line = count.map { "\(name) (\($0))" } ?? name
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)…".utf8))
    }
}
