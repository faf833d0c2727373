import ArgumentParser
import Foundation
import TrellisKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new partnership, plan, framework, measure, contact or page, with every setting explained.",
        discussion: "Writes Content/KIND-FOLDER/ID.md, which builds as it is. Refuses an id that exists or breaks the id rules.")

    @Argument(help: ArgumentHelp("partnership, plan, framework, measure, contact or page.", valueName: "KIND"))
    var kind: String

    @Argument(help: ArgumentHelp("The new file's id: lower-case letters, digits and single hyphens, like gosport-lcp.", valueName: "ID"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("The folder that holds Content/ (default: the current folder).", valueName: "DIR"))
    var site: String = "."

    func run() throws {
        let siteURL = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        do {
            let path = try Scaffold.newDocument(try Scaffold.kind(named: kind), id: id, site: siteURL)
            print("trellis: wrote \(path); fill in its settings and write its text (lines starting with # are notes)")
        } catch let error as ScaffoldError {
            FileHandle.standardError.write(Data("trellis: error: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new site in DIR: site.yml and one file of each kind, ready to build.",
        discussion: "DIR is made if it does not exist. Refuses a folder that already has Content/.")

    @Argument(help: ArgumentHelp("The folder for the new site.", valueName: "DIR"))
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        do {
            let paths = try Scaffold.initSite(at: url)
            var text = "trellis: made a new site in \(folder):\n"
            text += paths.map { "  \($0)\n" }.joined()
            text += "Next: trellis serve --site \(folder) to see it, and trellis new KIND ID --site \(folder) to add files.\n"
            text += "Put the folder in git (git init, git add ., git commit) for 'Last updated' dates and page histories.\n"
            print(text, terminator: "")
        } catch let error as ScaffoldError {
            FileHandle.standardError.write(Data("trellis: error: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }
}
