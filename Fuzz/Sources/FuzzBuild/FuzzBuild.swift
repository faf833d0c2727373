import Foundation
import FuzzDriver
import TrellisKit

// A whole build: the bytes become one document of a small site (written to a temporary folder
// made once per process), the site is built in memory with `Builder.render`, and when it builds
// every output is audited by `OutputAudit` (shared with the escaping catalogue tests): HTML
// with no inline script or style, event handler or javascript:/vbscript:/data: URL, and JSON-LD
// that parses and cannot close its script; JSON and XML that parse; an iCalendar file with no
// injected lines; CSV with no formula cells. Crashes, hangs, sanitizer reports and audit failures are findings.

/// The small site every input joins: settings with banners and an accessibility statement, and one
/// document of each kind the inputs can refer to (partnership `board`, contact `chair-role`,
/// measure `green-up`, plan `plan-a` with priority `p-1`).
let baseSite: [String: String] = [
    "Content/site.yml": """
    title: Fuzz Trust
    base_url: https://www.example.org/trust/
    organisation: { name: Example Council, url: https://www.example.org/ }
    licence: Open Government Licence v3.0
    banners:
      - { message: "A notice", from: 2011-01-01, until: 2011-02-01 }
    accessibility: { email: web@example.org, compliance: partial, issues: [Some PDFs], prepared: 2010-09-30 }
    """,
    "Content/partnerships/board.md": """
    ---
    title: Board
    type: board
    chair: chair-role
    members: [Example Council]
    priorities: [p-1]
    measures: [green-up]
    ---
    The board.
    """,
    "Content/contacts/chair-role.md": "---\nname: Chair\nemail: chair@example.org\n---\n",
    "Content/measures/green-up.md": """
    ---
    title: Green measure
    code: NI 1
    unit: "%"
    polarity: higher-is-better
    targets: [{ period: 2010-11, value: 50 }]
    actuals: [{ period: 2008-09, value: 40 }, { period: 2009-10, value: 55 }]
    ---
    """,
    "Content/plans/plan-a.md": """
    ---
    title: Plan A
    owner: board
    period: { from: 2009-04-01, to: 2012-03-31 }
    priorities: [{ id: p-1, title: First priority, measures: [green-up] }]
    ---
    """,
]

/// The kind an input is written as, guessed from its keys, so seeds land in their own folder.
func folder(for text: String) -> String {
    func has(_ keys: [String]) -> Bool { keys.contains { text.contains("\n\($0):") } }
    if has(["name", "role", "telephone"]) { return "contacts" }
    if has(["period", "superseded_by"]) { return "plans" }
    if has(["code", "actuals", "targets", "polarity", "unit", "baseline"]) { return "measures" }
    if has(["owner", "adopted", "review", "consultation"]) { return "frameworks" }
    if has(["type", "members", "area", "chair", "risks", "parent"]) { return "partnerships" }
    return "pages"
}

let site: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-fuzz-\(getpid())", isDirectory: true)
    for kind in ["partnerships", "plans", "frameworks", "measures", "contacts", "pages"] {
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("Content/\(kind)"), withIntermediateDirectories: true)
    }
    for (path, text) in baseSite {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }
    atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("trellis-fuzz-\(getpid())")) }
    return root
}()

/// FUZZ_BUILD_VERBOSE=1 prints each input's errors, to check that seeds reach the audit.
let verbose = ProcessInfo.processInfo.environment["FUZZ_BUILD_VERBOSE"] != nil

/// 20 January 2011, midday in London: inside the banner's window and the fixtures' consultations.
let now = Date(timeIntervalSince1970: 1_295_524_800)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBuild(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(UnsafeBufferPointer(start: $0, count: size)) } ?? Data()
    let target = site.appendingPathComponent("Content/\(folder(for: String(decoding: bytes, as: UTF8.self)))/fuzz.md")
    try! bytes.write(to: target)
    defer { try? FileManager.default.removeItem(at: target) }
    let (result, files) = Builder.render(BuildOptions(site: site, now: now, write: false))
    if verbose {
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        FileHandle.standardError.write(Data("FuzzBuild: \(files.count) files; errors: \(errors)\n".utf8))
    }
    var problems: [String] = []
    for (path, data) in files.sorted(by: { $0.key < $1.key }) {
        problems += OutputAudit.problems(path: path, data: data).map { "\(path): \($0)" }
    }
    if !problems.isEmpty {
        fatalError("unsafe or malformed output:\n" + problems.prefix(20).joined(separator: "\n"))
    }
    return 0
}


@_cdecl("FuzzBuild_main")
public func fuzzBuildMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzz_driver_run(argc, argv, fuzzBuild)
}
