import FuzzDriver
import TrellisKit

// The Markdown stage: the bytes are a body, rendered with the safe defaults and with raw HTML
// and smart punctuation on, while the link rewriter keeps, replaces and removes links in turn
// (some replacements are javascript: addresses). Besides crashes, hangs and sanitizer reports,
// the safe HTML is audited: cmark's safe mode and Trellis's own link check must leave no raw
// HTML and no script-capable link, whatever the body says.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let html = FuzzEntry.markdown(bytes).safe
    var problems = HTMLAudit.findings(in: html).map(\.description)
    let lowered = html.lowercased()
    // Tags only raw HTML could bring (cmark and table blocks write none of these).
    for tag in ["<script", "<iframe", "<style", "<object", "<embed", "<svg", "<form", "<base", "<meta", "<link", "<input", "<textarea"]
    where lowered.contains(tag) {
        problems.append("raw \(tag)")
    }
    if !problems.isEmpty {
        fatalError("unsafe HTML from a body in safe mode: \(problems)\n\(html.prefix(2000))")
    }
    return 0
}

@_cdecl("FuzzMarkdown_main")
public func fuzzMarkdownMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzz_driver_run(argc, argv, fuzzMarkdown)
}
