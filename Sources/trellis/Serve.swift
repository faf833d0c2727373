import ArgumentParser
import Foundation
import TrellisKit
import TrellisServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on 127.0.0.1, rebuilding and reloading open pages when files change.",
        discussion: "Watches Content/ (site.yml included) and Themes/. While the content has errors, every page shows them. Stop with Ctrl-C.")

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The port on 127.0.0.1 (default: 8000, or the next free one).", valueName: "N"))
    var port: Int?

    @Flag(name: .long, help: "Include files marked 'draft: true'.")
    var drafts = false

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("'--port \(port)' is not a port; write a number from 1 to 65535, or 0 for any free port") }
    }

    func run() throws {
        let build = BuildOptions(site: options.siteURL, now: Date(), nowWritten: options.nowWritten, drafts: drafts, write: false, history: .git)
        let printer = ServePrinter()
        let server = PreviewServer(PreviewOptions(build: build, port: port), events: { printer.print($0) })
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await server.run() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error as? PreviewError {
            FileHandle.standardError.write(Data("trellis: error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        if let error = outcome.error { throw error }
        FileHandle.standardError.write(Data("trellis: stopped\n".utf8))
    }

    /// How the server's task ended.
    private final class Outcome: @unchecked Sendable { var error: Error? }
}

/// Prints what the preview does: its address, each build's summary, and its diagnostics when they change.
final class ServePrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var shown: [Diagnostic] = []

    func print(_ event: PreviewEvent) {
        lock.withLock {
            switch event {
            case .listening(let url):
                Swift.print("trellis: serving \(url.absoluteString) (Ctrl-C to stop)")
                fflush(stdout)
            case .built(let result, let seconds, let changed, _):
                var text = ""
                if result.diagnostics != shown {
                    text += result.diagnostics.map { $0.formatted + "\n" }.joined()
                    shown = result.diagnostics
                }
                let errors = result.diagnostics.count { $0.severity == .error }
                let warnings = result.diagnostics.count - errors
                let time = String(format: "%.2f", seconds)
                let cause = changed.isEmpty ? "" : " after a change to \(changed.count == 1 ? changed[0] : "\(changed.count) files")"
                if result.failed {
                    text += "trellis: \(errors) error\(errors == 1 ? "" : "s")\(cause); the pages show them until they are fixed (\(time) s)\n"
                } else {
                    text += "trellis: ready: \(result.pageCount) pages (each made when first opened), \(warnings) warning\(warnings == 1 ? "" : "s")\(cause) in \(time) s\n"
                }
                FileHandle.standardError.write(Data(text.utf8))
            }
        }
    }
}
