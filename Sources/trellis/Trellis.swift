import ArgumentParser
import Foundation
import TrellisKit

/// The `trellis` command: thin commands that configure and call TrellisKit.
@main
struct Trellis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trellis",
        abstract: "Builds a children's trust's partnership site from Markdown.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self]
    )

    /// Runs the command; usage errors exit with status 2, content errors with 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder that holds Content/ (default: the current folder).", valueName: "DIR"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Build as at this time: 2011-01-31, 2011-01-31T14:00 or a full ISO 8601 date-time (default: now).", valueName: "DATETIME"))
    var now: String?

    func validate() throws {
        if let now, WrittenTime.parse(now) == nil {
            throw ValidationError("'--now \(now)' is not a date or time; write 2011-01-31, 2011-01-31T14:00 or 2011-01-31T14:00:00+00:00")
        }
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: site, isDirectory: &isFolder) || !isFolder.boolValue {
            throw ValidationError("'--site \(site)': no such folder")
        }
    }

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL }
    var nowWritten: WrittenTime? { now.flatMap(WrittenTime.parse) }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into Public/ (replaced only when the build succeeds).")

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: SITE/Public).", valueName: "DIR"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Publish under this address instead of site.yml's base_url (for previews): canonical links, sitemap and feeds follow it.", valueName: "URL"))
    var baseURL: String?

    @Flag(name: .long, help: "Include files marked 'draft: true'.")
    var drafts = false

    func validate() throws {
        if let baseURL {
            guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
                throw ValidationError("'--base-url \(baseURL)' is not an absolute address; write one like https://preview.example.org/trust/")
            }
        }
        // An output folder that cannot be used is a usage error (status 2), found before the site is read.
        if let problem = BuildOptions(site: options.siteURL, output: outputURL, now: Date()).outputProblem {
            throw ValidationError((output.map { "'--output \($0)': " } ?? "") + problem)
        }
    }

    private var outputURL: URL? { output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } }

    func run() throws {
        var buildOptions = BuildOptions(site: options.siteURL, output: outputURL, now: Date(), nowWritten: options.nowWritten, drafts: drafts, write: true, history: .git)
        buildOptions.baseURL = baseURL
        try Console.run(buildOptions, verb: "built")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check everything a build checks, and write nothing.")

    @OptionGroup var options: SiteOptions

    @Flag(name: .long, help: "Include files marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors: exit 1 if there are any (for CI).")
    var strict = false

    func run() throws {
        let buildOptions = BuildOptions(site: options.siteURL, now: Date(), nowWritten: options.nowWritten, drafts: drafts, write: false, history: .git)
        try Console.run(buildOptions, verb: "checked", strict: strict)
    }
}
