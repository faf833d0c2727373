import Foundation
import XCTest

/// `trellis build` and `trellis check` as CI runs them: exit statuses, what is printed, what is written.
final class CommandLineTests: XCTestCase {
    private let files = [
        "Content/partnerships/gosport.md": "---\ntitle: Gosport\nsummary: Partners in Gosport.\npriorities: [cyp-1]\n---\nSee [the plan](../plans/cypp.md#priority-cyp-1).\n",
        "Content/plans/cypp.md": "---\ntitle: Plan\npriorities:\n  - id: cyp-1\n    title: Poverty\n---\n",
        "Content/pages/accessibility.md": "---\ntitle: Accessibility statement\n---\n",
    ]

    func testAGoodSiteBuildsWithStatus0() throws {
        let site = try makeSite(files)
        let run = try site.trellis("build", "--now", "2011-01-20")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, run.stdout)
        XCTAssertNotNil(lines.first?.wholeMatch(of: #/trellis: built \d+ pages, \d+ files, 0 warnings, 0 errors in \d+\.\d\d s into .*\/Public/#), lines.first ?? "")
        XCTAssertEqual(lines.last, "next change: none (now: 2011-01-20T00:00:00+00:00)")
        XCTAssertTrue(site.read("Public/partnerships/gosport/index.html")?.contains("href=\"../../plans/cypp/#priority-cyp-1\"") == true)
        XCTAssertTrue(site.snapshot().keys.contains { $0.hasPrefix("theme/style.") && $0.hasSuffix(".css") }, "the built-in theme's stylesheet is published")
    }

    func testBadContentExits1WithOneCompilerStyleLinePerProblem() throws {
        let site = try makeSite([
            "Content/partnerships/x.md": "---\ntitle: X\nparent: gosprt\nprioritys: [cyp-1]\n---\n[Plan](../plans/cyp.md)\n",
            "Content/partnerships/gosport.md": "---\ntitle: Gosport\n---\n",
            "Content/plans/cypp.md": "---\ntitle: Plan\n---\n",
        ])
        let run = try site.trellis("build", "--now", "2011-01-20")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.problemLines, [
            "Content/partnerships/x.md:3:9: error: unknown partnership 'gosprt' as parent (did you mean 'gosport'?)",
            "Content/partnerships/x.md:4:1: warning: unknown key 'prioritys' in a partnership (did you mean 'priorities'?)",
            "Content/partnerships/x.md:6:1: error: no plan 'cyp' (Content/plans/cyp.md) (did you mean 'cypp'?)",
        ])
        XCTAssertNotNil(run.stderrLines.last?.wholeMatch(of: #/trellis: 2 errors, 1 warning; nothing written \(\d+\.\d\d s\)/#), run.stderr)
        XCTAssertFalse(site.exists("Public"))
    }

    func testCheckReportsTheSameProblemsAndWritesNothing() throws {
        let site = try makeSite(["Content/partnerships/x.md": "---\ntitle: X\nparent: nowhere\n---\n"])
        let run = try site.trellis("check", "--now", "2011-01-20")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.problemLines, ["Content/partnerships/x.md:3:9: error: unknown partnership 'nowhere' as parent"])
        let good = try makeSite(files)
        let ok = try good.trellis("check", "--now", "2011-01-20")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.hasPrefix("trellis: checked "), ok.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: good.root.path).filter { $0 != ".git" }, ["Content"], "check wrote something")
    }

    // MARK: Usage errors

    func testAnUnknownOptionIsAUsageError() throws {
        let site = try makeSite(files)
        let run = try site.trellis("build", "--colour")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("Unknown option '--colour'"), run.stderr)
        XCTAssertFalse(site.exists("Public"))
    }

    func testAnUnknownCommandIsAUsageError() throws {
        let site = try makeSite(files)
        let run = try site.trellis("biuld")
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(run.stderr.isEmpty)
    }

    func testANowThatIsNotADateIsAUsageError() throws {
        let site = try makeSite(files)
        for now in ["31/01/2011", "2011-02-30", "tomorrow"] {
            let run = try site.trellis("build", "--now", now)
            XCTAssertEqual(run.status, 2, now)
            XCTAssertTrue(run.stderr.contains("'--now \(now)' is not a date or time; write 2011-01-31, 2011-01-31T14:00 or 2011-01-31T14:00:00+00:00"), run.stderr)
        }
        XCTAssertFalse(site.exists("Public"))
    }

    func testASiteFolderThatDoesNotExistIsAUsageError() throws {
        let site = try makeSite(files)
        let run = try site.trellis("build", "--site", "no-such-folder")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'--site no-such-folder': no such folder"), run.stderr)
    }

    func testAFolderWithoutContentIsAnError() throws {
        let site = try makeSite(files)
        let empty = site.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let run = try site.trellis("build", "--site", "empty")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.problemLines, ["trellis: error: no Content/ folder in \(empty.path); run trellis in the folder that holds Content/, or pass --site DIR (trellis init DIR makes a new site)"])
    }

    func testNowTakesADateADateAndTimeOrAFullISODateTime() throws {
        let site = try makeSite(files)
        for (now, written) in [("2011-06-30", "2011-06-30T00:00:00+01:00"), ("2011-06-30T14:00", "2011-06-30T14:00:00+01:00"), ("2011-06-30T14:00:00Z", "2011-06-30T15:00:00+01:00")] {
            let run = try site.trellis("build", "--now", now)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(site.read("Public/build.json"), "{\"next_change\":null,\"now\":\"\(written)\"}\n", now)
        }
    }

    func testAnOutputThatIsAFileOrWouldReplaceTheSiteIsAUsageError() throws {
        let site = try makeSite(files)
        try site.write("notes.txt", "not a folder")
        let file = try site.trellis("build", "--output", "notes.txt")
        XCTAssertEqual(file.status, 2)
        XCTAssertTrue(file.stderr.contains("'--output notes.txt': \(site.root.appendingPathComponent("notes.txt").path) is a file, not a folder; remove it or choose another --output"), file.stderr)
        let content = try site.trellis("build", "--output", "Content")
        XCTAssertEqual(content.status, 2)
        XCTAssertTrue(content.stderr.contains("it would replace the site's own files"), content.stderr)
        XCTAssertEqual(site.read("notes.txt"), "not a folder")
        XCTAssertTrue(site.exists("Content/site.yml"))
    }

    // MARK: Output

    func testAFailedBuildLeavesThePreviousPublicByteForByte() throws {
        let site = try makeSite(files)
        XCTAssertEqual(try site.trellis("build", "--now", "2011-01-20").status, 0)
        let before = site.snapshot()
        XCTAssertGreaterThan(before.count, 10)
        try site.write("Content/partnerships/gosport.md", "---\ntitle: Gosport\npriorities: [cyp-9]\n---\n")
        try site.write("Content/partnerships/new.md", "---\ntitle: New\n---\n")
        let run = try site.trellis("build", "--now", "2011-06-01")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(site.snapshot(), before, "Public/ changed after a failed build")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0 != ".git" }.sorted(), ["Content", "Public"], "a staging folder was left behind")
    }

    func testTwoBuildsGiveIdenticalOutput() throws {
        let site = try makeSite(files)
        XCTAssertEqual(try site.trellis("build", "--now", "2011-01-20T09:30").status, 0)
        let first = site.snapshot()
        XCTAssertEqual(try site.trellis("build", "--now", "2011-01-20T09:30").status, 0)
        XCTAssertEqual(site.snapshot(), first)
        XCTAssertEqual(try site.trellis("build", "--now", "2011-01-20T09:30", "--output", "Other").status, 0)
        XCTAssertEqual(site.snapshot("Other"), first)
    }

    func testOutputCanBeWrittenElsewhere() throws {
        let site = try makeSite(files)
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-e2e-out-\(UUID().uuidString)/site")
        addTeardownBlock { try? FileManager.default.removeItem(at: elsewhere.deletingLastPathComponent()) }
        let run = try site.trellis("build", "--now", "2011-01-20", "--output", elsewhere.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("partnerships/gosport/index.html").path))
        XCTAssertFalse(site.exists("Public"))
        XCTAssertTrue(run.stdout.contains("into \(elsewhere.path)"), run.stdout)
    }

    func testASiteFolderHoldingOnlyContentBuildsWithTheBuiltInThemeFromAnywhere() throws {
        let site = try makeSite(files)
        let elsewhere = try makeSite([:])
        let run = try TrellisCommand.run(["build", "--site", site.root.path, "--now", "2011-01-20"], in: elsewhere.root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(site.read("Public/index.html")?.contains("<title>Test Trust</title>") == true)
        XCTAssertTrue(site.snapshot().keys.contains { $0.hasPrefix("theme/style.") && $0.hasSuffix(".css") }, "the built-in theme's stylesheet is published")
        XCTAssertFalse(elsewhere.exists("Public"))
    }

    func testASitesOwnTemplateOverridesTheBuiltInOneTemplateByTemplate() throws {
        var files = self.files
        files["Themes/default/templates/not-found.mustache"] = "<h1>Lost? Try the {{title}} help desk</h1>"
        let site = try makeSite(files)
        XCTAssertEqual(try site.trellis("build", "--now", "2011-01-20").status, 0)
        XCTAssertTrue(site.read("Public/404.html")?.contains("<h1>Lost? Try the Page not found help desk</h1>") == true)
        XCTAssertTrue(site.read("Public/partnerships/gosport/index.html")?.contains("<h1>Gosport</h1>") == true, "other templates still come from the built-in theme")
    }

    func testDraftsAreBuiltOnlyWithTheDraftsFlag() throws {
        var files = self.files
        files["Content/pages/draft.md"] = "---\ntitle: Draft\ndraft: true\n---\n"
        let site = try makeSite(files)
        XCTAssertEqual(try site.trellis("build", "--now", "2011-01-20").status, 0)
        XCTAssertFalse(site.exists("Public/draft"))
        XCTAssertEqual(try site.trellis("build", "--now", "2011-01-20", "--drafts").status, 0)
        XCTAssertTrue(site.exists("Public/draft/index.html"))
    }
}
