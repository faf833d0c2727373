import Foundation
import Markdown

/// What one build of a site can hand the next (`trellis serve` keeps one across rebuilds): each
/// document file's text, its decoded front matter and its rendered body, reused only when
/// everything they were made from is the same, so a stale entry can never change what a build makes.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: (stamp: FileStamp, text: String)] = [:]
    private var decoded: [String: DecodedFile] = [:]
    private var bodies: [String: CachedBody] = [:]
    private var bodyTargets: LinkTargets?

    /// An empty cache.
    public init() {}

    /// The text of the document file `path` (relative to the site) as last read, if the file has
    /// not been written since: its stamp is the same, and was already settled when it was read.
    func text(of path: String, stamp: FileStamp) -> String? {
        lock.withLock { texts[path].flatMap { $0.stamp == stamp ? $0.text : nil } }
    }

    /// Keeps the text of `path` read at `readAt` with `stamp`, unless the file was written so
    /// shortly before that the same stamp could hide another write.
    func remember(_ text: String, of path: String, stamp: FileStamp, readAt: Date) {
        lock.withLock { texts[path] = stamp.isSettled(at: readAt) ? (stamp, text) : nil }
    }

    /// `DocumentDecoder.decode` of every file in order, reusing the result for a file whose path
    /// and text are unchanged and read on the same clock; entries for files that are gone are dropped.
    func decode(_ files: [SourceFile], clock: SiteClock) -> [(Document?, [Diagnostic])] {
        let results: [(decoded: DecodedFile, isNew: Bool)]
        do { // `known` is released before the table is changed, so the table is not copied
            let known = lock.withLock { decoded }
            results = files.parallelMap { file in
                if let hit = known[file.path], hit.file == file, hit.clock == clock { return (hit, false) }
                let (document, diagnostics) = DocumentDecoder.decode(file, clock: clock)
                return (DecodedFile(file: file, clock: clock, document: document, diagnostics: diagnostics), true)
            }
        }
        lock.withLock {
            for result in results where result.isNew { decoded[result.decoded.file.path] = result.decoded }
            // Every file now has an entry, so more entries mean some files are gone.
            if decoded.count != files.count {
                let paths = Set(files.map(\.path))
                decoded = decoded.filter { paths.contains($0.key) }
                texts = texts.filter { paths.contains($0.key) }
            }
        }
        return results.map { ($0.decoded.document, $0.decoded.diagnostics) }
    }

    /// The bodies of `index.documents` in order, made by `render` except where a document's body,
    /// path and line offset are unchanged and so is everything its links are resolved against.
    func bodies(_ index: SiteIndex, options: MarkdownOptions, render: @Sendable (Document) -> RenderedBody) -> [RenderedBody] {
        let targets = LinkTargets(index, options: options)
        let results: [(cached: CachedBody, isNew: Bool)]
        do { // `known` is released before the table is changed, so the table is not copied
            let known = lock.withLock { bodyTargets == targets ? bodies : [:] }
            results = index.documents.parallelMap { document in
                let source = BodySource(document)
                if let hit = known[document.reference], hit.source == source { return (hit, false) }
                return (CachedBody(source: source, body: render(document)), true)
            }
        }
        lock.withLock {
            if bodyTargets != targets { bodies = [:] }
            bodyTargets = targets
            for result in results where result.isNew { bodies[result.cached.source.reference] = result.cached }
            // Every document now has an entry, so more entries mean some documents are gone.
            if bodies.count != index.documents.count {
                let references = Set(index.documents.map(\.reference))
                bodies = bodies.filter { references.contains($0.key) }
            }
        }
        return results.map(\.cached.body)
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
