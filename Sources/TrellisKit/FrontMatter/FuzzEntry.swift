// Entry points for the libFuzzer targets in Fuzz/ (see Fuzz/README.md). Each takes arbitrary
// bytes and runs one stage on them exactly as a build would, so the fuzzers need no
// `@testable import` and exercise the same code editors' files reach.

/// Runs single stages of a build on arbitrary bytes, for fuzzing.
public enum FuzzEntry {
    /// Reads `bytes` as the loader reads a file (UTF-8 only, byte-order mark dropped, CR and CRLF
    /// made LF), then decodes the text as the front matter of each kind of document and as
    /// `site.yml`. Returns how many diagnostics that gave, so the work cannot be optimised away.
    @discardableResult
    public static func frontMatter(_ bytes: [UInt8]) -> Int {
        guard case .success(let text) = TextDecoding.decode(bytes, path: "Content/pages/fuzz.md") else { return 1 }
        let clock = SiteClock(identifier: "Europe/London")!
        var count = 0
        for kind in DocumentKind.allCases {
            let file = SourceFile(path: "Content/\(kind.folder)/fuzz.md", kind: kind, id: "fuzz", text: text)
            count += DocumentDecoder.decode(file, clock: clock).1.count
        }
        count += SiteSettingsDecoder.decode(text).1.count
        return count
    }
}
