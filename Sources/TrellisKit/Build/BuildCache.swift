import Foundation
import Markdown

/// What one build of a site can hand the next (`trellis serve` keeps one across rebuilds): each
/// file's decoded front matter and each document's rendered body, reused only when everything
/// they were made from is the same, so a stale entry can never change what a build makes.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: [String: DecodedFile] = [:]
    private var bodies: [String: CachedBody] = [:]
    private var bodyTargets: LinkTargets?

    /// An empty cache.
    public init() {}

    /// `DocumentDecoder.decode` of every file in order, reusing the result for a file whose path
    /// and text are unchanged and read on the same clock; entries for files that are gone are dropped.
    func decode(_ files: [SourceFile], clock: SiteClock) -> [(Document?, [Diagnostic])] {
        let known = lock.withLock { decoded }
        let results = files.parallelMap { file -> DecodedFile in
            if let hit = known[file.path], hit.file == file, hit.clock == clock { return hit }
            let (document, diagnostics) = DocumentDecoder.decode(file, clock: clock)
            return DecodedFile(file: file, clock: clock, document: document, diagnostics: diagnostics)
        }
        lock.withLock { decoded = Dictionary(results.map { ($0.file.path, $0) }, uniquingKeysWith: { $1 }) }
        return results.map { ($0.document, $0.diagnostics) }
    }

    /// The bodies of `index.documents` in order, made by `render` except where a document's body,
    /// path and line offset are unchanged and so is everything its links are resolved against.
    func bodies(_ index: SiteIndex, options: MarkdownOptions, render: @Sendable (Document) -> RenderedBody) -> [RenderedBody] {
        let targets = LinkTargets(index, options: options)
        let known = lock.withLock { bodyTargets == targets ? bodies : [:] }
        let results = index.documents.parallelMap { document -> CachedBody in
            let source = BodySource(document)
            if let hit = known[document.reference], hit.source == source { return hit }
            return CachedBody(source: source, body: render(document))
        }
        lock.withLock {
            bodies = Dictionary(zip(index.documents.map(\.reference), results), uniquingKeysWith: { $1 })
            bodyTargets = targets
        }
        return results.map(\.body)
    }
}

/// One file's front matter as decoded, with what it was decoded from.
private struct DecodedFile: Sendable {
    var file: SourceFile
    var clock: SiteClock
    var document: Document?
    var diagnostics: [Diagnostic]
}

/// What a rendered body depends on from its own document: the Markdown, where the file is (link
/// paths are relative to it, diagnostics name it) and how many lines come before the body.
private struct BodySource: Hashable, Sendable {
    var reference: String
    var path: String
    var body: String
    var bodyLineOffset: Int

    init(_ document: Document) {
        reference = document.reference
        path = document.path
        body = document.body
        bodyLineOffset = document.bodyLineOffset
    }
}

/// A rendered body with what it was rendered from.
private struct CachedBody: Sendable {
    var source: BodySource
    var body: RenderedBody
}

/// Everything `LinkResolver` and cmark read besides the body itself: which documents exist (by
/// kind and id, in the order suggestions are made from), the priorities, the assets, and the
/// Markdown options. Titles, front matter and headings are not read, so changing them keeps
/// every body; adding, removing or renaming a document or an asset renders them all again.
private struct LinkTargets: Equatable {
    var ids: [DocumentKind: [String]]
    var priorities: [String]
    var assets: Set<String>
    var options: MarkdownOptions

    init(_ index: SiteIndex, options: MarkdownOptions) {
        ids = Dictionary(uniqueKeysWithValues: DocumentKind.allCases.map { ($0, index.ids(of: $0)) })
        priorities = index.priorityOrder
        assets = index.assets
        self.options = options
    }
}
