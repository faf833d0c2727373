import Foundation
import XCTest
@testable import TrellisKit

/// "Last updated" dates and page histories from git: a temporary repository with commits at
/// fixed dates, the site in a subfolder of it, a merge, a shallow clone and a folder outside git.
final class HistoryTests: XCTestCase {
    private var repository: URL!
    private var site: URL { repository.appendingPathComponent("site") }

    override func setUpWithError() throws {
        repository = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"])
        try Scaffold.initSite(at: site)
        try append("repository: https://github.com/trust/site\n", to: "Content/site.yml")
        try commit("First version", at: "2011-01-10T10:00:00Z")
        try append("\nThe plan was agreed in February.\n", to: "Content/plans/cypp.md")
        try commit("Plan: say when it was agreed <soon> & why", at: "2011-02-15T16:30:00Z")
        // A branch changes the contact file; merging it adds a merge commit, which histories leave out.
        try git(["checkout", "-q", "-b", "contact"])
        try append("\nAsk about the board's meetings.\n", to: "Content/contacts/trust-board-chair.md")
        try commit("Contact: what to ask about", at: "2011-03-01T09:00:00Z")
        try git(["checkout", "-q", "main"])
        try git(["merge", "-q", "--no-ff", "-m", "Merge branch 'contact'", "contact"], date: "2011-03-02T09:00:00Z")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: repository)
    }

    private let day = { (text: String) in ISO8601DateFormatter().date(from: text)! }

    func testOneGitLogGivesEachFileItsCommitsNewestFirstWithoutMerges() {
        let (history, diagnostics) = GitLog.read(site: site)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(history.prefix, "site/")
        XCTAssertEqual(history.changes["Content/plans/cypp.md"], [
            .init(date: day("2011-02-15T16:30:00Z"), message: "Plan: say when it was agreed <soon> & why"),
            .init(date: day("2011-01-10T10:00:00Z"), message: "First version"),
        ])
        XCTAssertEqual(history.changes["Content/contacts/trust-board-chair.md"], [
            .init(date: day("2011-03-01T09:00:00Z"), message: "Contact: what to ask about"),
            .init(date: day("2011-01-10T10:00:00Z"), message: "First version"),
        ])
        XCTAssertEqual(history.changes["Content/measures/neet-16-18.md"], [.init(date: day("2011-01-10T10:00:00Z"), message: "First version")])
        XCTAssertNil(history.changes[".gitignore"], "only Content/ is read")
    }

    func testPagesShowLastCommitDateHistoryAndEditLink() throws {
        let files = try render()
        let plan = try XCTUnwrap(files["plans/cypp/index.html"])
        XCTAssertTrue(plan.contains("<p class=\"updated\">Last updated <time datetime=\"2011-02-15\">15 February 2011</time></p>"), plan)
        XCTAssertTrue(plan.contains("""
            <h2 id="section-page-history">Page history</h2>
            <ol class="page-history-list">
            <li><time datetime="2011-02-15">15 February 2011</time>: Plan: say when it was agreed &lt;soon&gt; &amp; why</li>
            <li><time datetime="2011-01-10">10 January 2011</time>: First version</li>
            </ol>
            """), plan)
        XCTAssertTrue(plan.contains("<a href=\"https://github.com/trust/site/edit/main/site/Content/plans/cypp.md\">Edit this page</a>"), plan)
        let contact = try XCTUnwrap(files["contacts/trust-board-chair/index.html"])
        XCTAssertTrue(contact.contains("Last updated <time datetime=\"2011-03-01\">1 March 2011</time>"), contact)
        XCTAssertFalse(contact.contains("Merge branch"), "merges are left out")
    }

    func testUpdatedKeyOverridesTheCommitDate() throws {
        let path = site.appendingPathComponent("Content/plans/cypp.md")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "status: adopted\n", with: "status: adopted\nupdated: 2012-06-01\n")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let plan = try XCTUnwrap(try render()["plans/cypp/index.html"])
        XCTAssertTrue(plan.contains("Last updated <time datetime=\"2012-06-01\">1 June 2012</time>"), plan)
        XCTAssertTrue(plan.contains("15 February 2011</time>: Plan: say when"), "the history still lists the commits")
    }

    func testSameCommitsAndNowGiveTheSameBytes() throws {
        XCTAssertEqual(try renderBytes(), try renderBytes())
    }

    func testShallowCloneWarnsOnceAndShowsNoDates() throws {
        let clone = repository.appendingPathComponent("../trellis-shallow-\(UUID().uuidString)").standardizedFileURL
        defer { try? FileManager.default.removeItem(at: clone) }
        try git(["clone", "-q", "--depth", "1", "file://" + repository.path, clone.path])
        let (history, diagnostics) = GitLog.read(site: clone.appendingPathComponent("site"))
        XCTAssertEqual(history, SiteHistory(changes: [:], prefix: "site/"))
        XCTAssertEqual(diagnostics, [.warning(GitLog.warningCode,
            "this is a shallow clone, so git does not know when each file last changed and pages show no 'Last updated' date or 'Page history' (only dates written as 'updated:'); fetch the whole history with 'git fetch --unshallow' (in GitHub Actions: actions/checkout with fetch-depth: 0)", at: nil)])

        let options = BuildOptions(site: clone.appendingPathComponent("site"), now: day("2011-04-01T12:00:00Z"), write: false, history: .git)
        let (result, files) = Builder.render(options)
        XCTAssertEqual(result.diagnostics, diagnostics, "one warning for the whole site")
        let plan = String(decoding: try XCTUnwrap(files["plans/cypp/index.html"]), as: UTF8.self)
        XCTAssertFalse(plan.contains("Last updated"))
        XCTAssertFalse(plan.contains("Page history"))
        XCTAssertTrue(plan.contains("edit/main/site/Content/plans/cypp.md"), "the edit link still knows where the file is")
    }

    func testOutsideGitWarnsOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-nogit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initSite(at: folder)
        let options = BuildOptions(site: folder, now: day("2011-04-01T12:00:00Z"), write: false, history: .git)
        let (result, files) = Builder.render(options)
        XCTAssertEqual(result.diagnostics, [.warning(GitLog.warningCode,
            "the site is not in a git repository, so pages show no 'Last updated' date or 'Page history' (only dates written as 'updated:'); commit the site to git to have them", at: nil)])
        XCTAssertFalse(String(decoding: files["plans/cypp/index.html"]!, as: UTF8.self).contains("Last updated"))
    }

    func testParsesGitLogOutput() {
        let output = "\u{1E}1297787400\u{1F}Second: a \u{1F} inside\n\nContent/plans/a.md\nContent/pages/b.md\n\u{1E}1294653600\u{1F}First\n\nContent/plans/a.md\n"
        XCTAssertEqual(GitLog.parse(output), [
            "Content/plans/a.md": [.init(date: Date(timeIntervalSince1970: 1_297_787_400), message: "Second: a \u{1F} inside"),
                                   .init(date: Date(timeIntervalSince1970: 1_294_653_600), message: "First")],
            "Content/pages/b.md": [.init(date: Date(timeIntervalSince1970: 1_297_787_400), message: "Second: a \u{1F} inside")],
        ])
    }

    func testRepositoryMustBeAnAddress() {
        let (settings, diagnostics) = SiteSettingsDecoder.decode("title: T\nbase_url: https://www.example.org/\nrepository: github.com/trust/site\n")
        XCTAssertNil(settings.repository)
        XCTAssertEqual(diagnostics, [.error(.invalidValue, "'repository' must be an address like https://github.com/trust/site, not 'github.com/trust/site'",
                                            at: SourceLocation(file: "Content/site.yml", line: 3, column: 13))])
        XCTAssertEqual(SiteSettingsDecoder.decode("title: T\nbase_url: https://www.example.org/\nrepository: https://gitlab.com/t/s/-/edit/main/{path}\n").0.repository,
                       "https://gitlab.com/t/s/-/edit/main/{path}")
    }

    func testEditLinkRule() {
        XCTAssertEqual(EditLink.url(repository: "https://github.com/trust/site", path: "Content/plans/a.md", prefix: ""),
                       "https://github.com/trust/site/edit/main/Content/plans/a.md")
        XCTAssertEqual(EditLink.url(repository: "https://github.com/trust/site.git/", path: "Content/plans/a.md", prefix: "web site/"),
                       "https://github.com/trust/site/edit/main/web%20site/Content/plans/a.md")
        XCTAssertEqual(EditLink.url(repository: "https://gitlab.com/trust/site/-/edit/trunk/{path}", path: "Content/pages/b.md", prefix: nil),
                       "https://gitlab.com/trust/site/-/edit/trunk/Content/pages/b.md")
    }

    // MARK: Helpers

    private func render() throws -> [String: String] {
        try renderBytes().mapValues { String(decoding: $0, as: UTF8.self) }
    }

    private func renderBytes() throws -> [String: Data] {
        let options = BuildOptions(site: site, now: day("2011-04-01T12:00:00Z"), write: false, history: .git)
        let (result, files) = Builder.render(options)
        XCTAssertEqual(result.diagnostics, [])
        return files
    }

    private func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: site.appendingPathComponent(path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    private func commit(_ message: String, at date: String) throws {
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message], date: date)
    }

    /// Runs git in the repository with a fixed identity and, when given, fixed author and committer dates.
    @discardableResult
    private func git(_ arguments: [String], date: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository.path, "-c", "user.name=Editor", "-c", "user.email=editor@example.org",
                             "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        if let date {
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw NSError(domain: "git \(arguments.joined(separator: " "))", code: Int(process.terminationStatus)) }
        return String(decoding: data, as: UTF8.self)
    }
}
