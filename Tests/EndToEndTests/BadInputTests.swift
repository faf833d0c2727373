import Foundation
import XCTest

/// Each kind of bad input from the foundation issue, through the built binary: the exit status,
/// the exact `PATH:LINE:COLUMN: severity: MESSAGE` lines, and the previous `Public/` untouched.
final class BadInputTests: XCTestCase {
    /// A site that builds, to which each test adds one bad file.
    private static let good = [
        "Content/partnerships/gosport.md": "---\ntitle: Gosport\n---\n## Aims\n",
        "Content/plans/cypp.md": "---\ntitle: Plan\npriorities:\n  - id: cyp-1\n    title: Poverty\n  - id: cyp-2\n    title: Health\n---\n",
        "Content/measures/neet.md": "---\ntitle: NEET\ncode: NI 117\n---\n",
        "Content/contacts/manager.md": "---\nname: Partnership Manager\n---\n",
    ]

    /// The good site, built once; each test works on a copy of it and its `Public/`.
    private static let built = Result<SiteFolder, Error> {
        let site = try SiteFolder(good)
        let first = try site.trellis("build", "--now", "2011-01-20")
        guard first.status == 0 else { throw TrellisCommand.Failure("the good site should build: \(first.stderr)") }
        return site
    }

    override class func tearDown() {
        (try? built.get())?.delete()
        super.tearDown()
    }

    /// Copies the built good site, adds `files`, builds again; returns that run, having checked
    /// that it failed with exactly `lines` and left `Public/` as the first build wrote it.
    @discardableResult
    private func assertRefused(_ files: [String: String], bytes: [String: [UInt8]] = [:], lines: [String],
                               file: StaticString = #filePath, line: UInt = #line) throws -> TrellisCommand.Run {
        _ = try TrellisCommand.binary()
        let site = try Self.built.get().copy()
        addTeardownBlock { site.delete() }
        let before = site.snapshot()
        XCTAssertGreaterThan(before.count, 10, "the good site's Public/ is missing", file: file, line: line)
        for (path, text) in files { try site.write(path, text) }
        for (path, data) in bytes { try site.write(path, bytes: data) }
        let run = try site.trellis("build", "--now", "2011-01-21")
        XCTAssertEqual(run.status, 1, run.stderr, file: file, line: line)
        XCTAssertEqual(run.problemLines, lines, file: file, line: line)
        XCTAssertNotNil(run.stderrLines.last?.wholeMatch(of: #/trellis: \d+ errors?, \d+ warnings?; nothing written \(\d+\.\d\d s\)/#), run.stderr, file: file, line: line)
        XCTAssertEqual(site.snapshot(), before, "Public/ changed after a failed build", file: file, line: line)
        let check = try site.trellis("check", "--now", "2011-01-21")
        XCTAssertEqual(check.status, 1, file: file, line: line)
        XCTAssertEqual(check.problemLines, lines, "check reports what build reports", file: file, line: line)
        return run
    }

    /// Builds the good site with `files` added; it must build, printing exactly `lines` on standard error.
    private func assertAccepted(_ files: [String: String], bytes: [String: [UInt8]] = [:], lines: [String],
                                file: StaticString = #filePath, line: UInt = #line) throws -> SiteFolder {
        let site = try makeSite(Self.good.merging(files) { $1 })
        for (path, data) in bytes { try site.write(path, bytes: data) }
        let run = try site.trellis("build", "--now", "2011-01-20")
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stderrLines, lines, file: file, line: line)
        return site
    }

    func testMalformedYAML() throws {
        try assertRefused(["Content/partnerships/x.md": "---\ntitle: X\nsummary: Aims: 2011\n---\n"], lines: [
            "Content/partnerships/x.md:3:14: error: the front matter is not valid YAML: mapping values are not allowed in this context; a value that contains ': ' must be in quotes, like title: \"Aims: 2011\"",
        ])
    }

    func testAnUnclosedQuoteInYAML() throws {
        try assertRefused(["Content/partnerships/x.md": "---\ntitle: \"X\nsummary: y\n---\n"], lines: [
            "Content/partnerships/x.md:2:8: error: the front matter is not valid YAML: found unexpected end of stream; a quote or bracket that opens here is never closed",
        ])
    }

    func testMissingFrontMatterFence() throws {
        try assertRefused(["Content/partnerships/x.md": "title: X\n\nBody\n"], lines: [
            "Content/partnerships/x.md:1:1: error: the file must start with front matter: a line '---', the settings, then another '---'",
            "    ---", "    title: ...", "    summary: ...", "    ---",
        ])
    }

    func testUnclosedFrontMatter() throws {
        try assertRefused(["Content/partnerships/x.md": "---\ntitle: X\n\nBody\n"], lines: [
            "Content/partnerships/x.md:1:1: error: the front matter that starts on line 1 is never closed; add a line '---' after the last setting",
            "    ---", "    title: ...", "    summary: ...", "    ---",
        ])
    }

    func testMissingTitle() throws {
        try assertRefused(["Content/partnerships/x.md": "---\nsummary: No title here.\n---\n"], lines: [
            "Content/partnerships/x.md:2:1: error: missing 'title': add a line 'title: ...' with the document's title",
        ])
    }

    func testAnUnknownKeyIsAWarningAndTheSiteBuilds() throws {
        let site = try assertAccepted(["Content/partnerships/x.md": "---\ntitle: X\nprioritys: [cyp-1]\n---\n"], lines: [
            "Content/partnerships/x.md:3:1: warning: unknown key 'prioritys' in a partnership (did you mean 'priorities'?)",
        ])
        XCTAssertTrue(site.exists("Public/partnerships/x/index.html"))
    }

    func testUnknownIdsInFrontMatter() throws {
        try assertRefused(["Content/partnerships/x.md": """
            ---
            title: X
            parent: gosprt
            chair: managr
            priorities: [cyp-3]
            measures: [neat]
            documents: [cypp]
            ---
            """], lines: [
            "Content/partnerships/x.md:3:9: error: unknown partnership 'gosprt' as parent (did you mean 'gosport'?)",
            "Content/partnerships/x.md:4:8: error: unknown contact 'managr' as chair (did you mean 'manager'?)",
            "Content/partnerships/x.md:5:14: error: unknown priority 'cyp-3' as a priority it works on (did you mean 'cyp-1'?); priorities are defined in a plan's 'priorities:'",
            "Content/partnerships/x.md:6:12: error: unknown measure 'neat' as a measure it tracks (did you mean 'neet'?)",
            "Content/partnerships/x.md:7:13: error: unknown document 'cypp' as one of its documents (write it as 'plans/cypp'); documents are written as plans/ID or frameworks/ID",
        ])
    }

    func testUnknownIdsInLinks() throws {
        try assertRefused(["Content/partnerships/x.md": "---\ntitle: X\n---\nSee [Gosport](gosprt.md), [NEET](measure:neat),\n[poverty](priority:cyp-3) and [the manager](contact:managr).\n"], lines: [
            "Content/partnerships/x.md:4:5: error: no partnership 'gosprt' (Content/partnerships/gosprt.md) (did you mean 'gosport'?)",
            "Content/partnerships/x.md:4:27: error: unknown measure 'neat' (did you mean 'neet'?)",
            "Content/partnerships/x.md:5:1: error: unknown priority 'cyp-3' (did you mean 'cyp-1'?)",
            "Content/partnerships/x.md:5:31: error: unknown contact 'managr' (did you mean 'manager'?)",
        ])
    }

    func testAMissingFragment() throws {
        try assertRefused(["Content/partnerships/x.md": "---\ntitle: X\n---\nSee [aims](gosport.md#aim).\n"], lines: [
            "Content/partnerships/x.md:4:5: error: '#aim' is not a heading or section of Content/partnerships/gosport.md (did you mean '#aims'?)",
        ])
    }

    func testAPriorityIdUsedInTwoPlans() throws {
        try assertRefused(["Content/plans/later.md": "---\ntitle: Later\npriorities:\n  - id: cyp-2\n    title: Health again\n---\n"], lines: [
            "Content/plans/later.md:4:9: error: priority 'cyp-2' is already defined at Content/plans/cypp.md:6:9; priority ids must be unique across the whole site",
        ])
    }

    func testAPageWhoseIdIsTakenByAGeneratedIndex() throws {
        try assertRefused(["Content/pages/measures.md": "---\ntitle: About our measures\n---\n"], lines: [
            "Content/pages/measures.md: error: a page with id 'measures' would have the address /measures/, which is the measures index; rename the file",
        ])
    }

    func testAPriorityWhoseParentsFormACycle() throws {
        try assertRefused(["Content/plans/later.md": "---\ntitle: Later\npriorities:\n  - id: a\n    parent: b\n    title: A\n  - id: b\n    parent: a\n    title: B\n---\n"], lines: [
            "Content/plans/later.md:5:13: error: priority 'a' is its own ancestor: a -> b -> a; a priority's parent must be a priority above it",
            "Content/plans/later.md:8:13: error: priority 'b' is its own ancestor: b -> a -> b; a priority's parent must be a priority above it",
        ])
    }

    func testAnInvalidDate() throws {
        try assertRefused(["Content/partnerships/x.md": "---\ntitle: X\nestablished: 2011-02-30\nupdated: 31/01/2011\n---\n"], lines: [
            "Content/partnerships/x.md:3:14: error: '2011-02-30' is not a date for 'established'; write a date as 2011-01-31",
            "Content/partnerships/x.md:4:10: error: '31/01/2011' is not a date for 'updated'; write a date as 2011-01-31, or a date and time as 2011-01-31T14:00",
        ])
    }

    func testAnIdThatBreaksTheIdRules() throws {
        try assertRefused(["Content/partnerships/Gosport_LCP.md": "---\ntitle: Gosport LCP\n---\n"], lines: [
            "Content/partnerships/Gosport_LCP.md: error: 'Gosport_LCP' is not a valid id: ids are lower-case letters, digits and single hyphens; rename the file to gosport-lcp.md",
        ])
    }

    func testAFileThatIsNotUTF8() throws {
        try assertRefused([:], bytes: ["Content/partnerships/x.md": Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8)], lines: [
            "Content/partnerships/x.md:2:11: error: the file is not UTF-8 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
        ])
    }

    func testCRLFLineEndingsAreAcceptedWithTheRightLineNumbers() throws {
        let crlf = "---\r\ntitle: X\r\nsummary: Windows line endings\r\nprioritys: [cyp-1]\r\n---\r\n## Aims\r\n\r\nText\r\n"
        let site = try assertAccepted([:], bytes: ["Content/partnerships/x.md": Array(crlf.utf8)], lines: [
            "Content/partnerships/x.md:4:1: warning: unknown key 'prioritys' in a partnership (did you mean 'priorities'?)",
        ])
        XCTAssertTrue(site.read("Public/partnerships/x/index.html")?.contains("<h2 id=\"aims\">Aims</h2>") == true)
        XCTAssertFalse(site.read("Public/partnerships/x/index.html")?.contains("\r") ?? true)
    }

    func testCRLFLineEndingsGiveTheRightLineNumbersInTheBody() throws {
        let crlf = "---\r\ntitle: X\r\n---\r\n\r\nText\r\n\r\nSee [NEET](measure:neat).\r\n"
        try assertRefused([:], bytes: ["Content/partnerships/x.md": Array(crlf.utf8)], lines: [
            "Content/partnerships/x.md:7:5: error: unknown measure 'neat' (did you mean 'neet'?)",
        ])
    }
}
