import Foundation

/// Everything read from a site folder before any of it is interpreted.
public struct LoadedContent: Sendable {
    /// `Content/site.yml`'s text, if it could be read.
    public var siteSettings: String?
    /// Every Markdown file, sorted by path.
    public var files: [SourceFile]
    /// Asset paths relative to `Content/assets/`, sorted.
    public var assets: [String]
    public var diagnostics: [Diagnostic]
}

/// Reads `Content/` from disk: site.yml, one folder per kind, and assets.
public enum ContentLoader {
    /// Whether `id` is lower-case letters and digits in runs joined by single hyphens
    /// (`^[a-z0-9]+(?:-[a-z0-9]+)*$`). Scanned by hand: the regex took a twentieth of a rebuild
    /// of a large site in the preview, where nearly every file is otherwise read from a cache.
    static func isValidID(_ id: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var previous = hyphen // so a leading hyphen, or no character at all, is refused
        for byte in id.utf8 {
            let isLetterOrDigit = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard isLetterOrDigit || (byte == hyphen && previous != hyphen) else { return false }
            previous = byte
        }
        return previous != hyphen
    }

    /// Folders Trellis writes itself, which a free page (published at `/ID/`) must not take.
    static let reservedPageIDs: [String: String] = [
        "partnerships": "the partnerships index", "plans": "the plans index", "frameworks": "the frameworks index",
        "priorities": "the priorities index", "measures": "the measures index", "contacts": "the contacts index",
        "consultations": "the consultations page", "assets": "where Content/assets/ is published",
        "theme": "where the theme's files are published", "data": "where the open data is published",
        "search": "the search page and its index",
    ]

    /// Reads the site folder `site`; every problem is collected, none thrown. A `cache` gives
    /// back the text of each document file not written since an earlier build read it.
    public static func load(site: URL, cache: BuildCache? = nil) -> LoadedContent {
        var result = LoadedContent(siteSettings: nil, files: [], assets: [], diagnostics: [])
        let reader = SiteReader(site: site)
        let content: SiteEntry
        switch reader.entry("Content") {
        case .failure(let problem):
            result.diagnostics.append(problem)
            return result
        case .success(let entry?) where entry.isFolder:
            content = entry
        case .success:
            result.diagnostics.append(.error(.missingSiteFile, "no Content/ folder in \(site.path); run trellis in the folder that holds Content/, or pass --site DIR (trellis init DIR makes a new site)", at: nil))
            return result
        }
        switch reader.read("Content/site.yml") {
        case nil: result.diagnostics.append(.error(.missingSiteFile, "Content/site.yml is missing; every site needs one (trellis init DIR writes an example)", at: SourceLocation(file: "Content/site.yml")))
        case .failure(let problem)?: result.diagnostics.append(problem)
        case .success(let bytes)?:
            switch TextDecoding.decode(bytes, path: "Content/site.yml") {
            case .success(let text): result.siteSettings = text
            case .failure(let problem): result.diagnostics.append(problem)
            }
        }

        let entries: [String]
        switch reader.names(in: content) {
        case .success(let names): entries = names
        case .failure(let problem): result.diagnostics.append(problem); entries = []
        }
        let known = DocumentKind.allCases.map(\.folder) + ["assets", "site.yml"]
        for name in entries where !name.hasPrefix(".") && name != "site.yml" {
            let path = "Content/\(name)"
            guard known.contains(name) else {
                result.diagnostics.append(.warning(.unexpectedFile, "\(path) is not part of a site and is left out\(Suggestion.didYouMean(name, in: known)); the folders are \(known.joined(separator: ", "))", at: SourceLocation(file: path)))
                continue
            }
            switch reader.child(name, of: content) {
            case .failure(let problem):
                result.diagnostics.append(problem)
            case .success(let folder) where !folder.isFolder:
                result.diagnostics.append(.warning(.unexpectedFile, "\(path) is a file, not a folder, and is left out; make it a folder", at: SourceLocation(file: path)))
            case .success(let folder):
                if let kind = DocumentKind(folder: name) {
                    loadKind(kind, folder: folder, reader: reader, cache: cache, into: &result)
                } else {
                    let (assets, problems) = reader.files(under: folder)
                    result.assets = assets.map { String($0.path.dropFirst(path.count + 1)) }
                    result.diagnostics += problems + caseClashes(result.assets)
                }
            }
        }
        result.files.sort { $0.path < $1.path }
        return result
    }

    private static func loadKind(_ kind: DocumentKind, folder: SiteEntry, reader: SiteReader, cache: BuildCache?, into result: inout LoadedContent) {
        let names: [String]
        switch reader.names(in: folder) {
        case .success(let found): names = found
        case .failure(let problem): result.diagnostics.append(problem); return
        }
        var seen: [String: String] = [:]
        var pending: [(path: String, name: String, id: String)] = []
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") {
            let path = "Content/\(kind.folder)/\(name)"
            guard name.hasSuffix(".md") else {
                result.diagnostics.append(.warning(.unexpectedFile, "\(path) is not a Markdown file and is left out; documents end in .md, and images and files belong in Content/assets/", at: SourceLocation(file: path)))
                continue
            }
            let id = String(name.dropLast(3))
            guard isValidID(id) else {
                result.diagnostics.append(.error(.badFileName, "'\(id)' is not a valid id: ids are lower-case letters, digits and single hyphens; rename the file to \(slug(id)).md", at: SourceLocation(file: path)))
                continue
            }
            if kind == .page, let taken = reservedPageIDs[id] {
                result.diagnostics.append(.error(.duplicateID, "a page with id '\(id)' would have the address /\(id)/, which is \(taken); rename the file", at: SourceLocation(file: path)))
                continue
            }
            if let other = seen[id.lowercased()] {
                result.diagnostics.append(.error(.duplicateID, "\(path) has the same id as \(other)", at: SourceLocation(file: path)))
                continue
            }
            seen[id.lowercased()] = path
            pending.append((path, name, id))
        }
        // Read and decoded on every core (each file is several system calls), then kept in
        // name order; the preview's cache is asked one file at a time.
        let read = { @Sendable (file: (path: String, name: String, id: String)) -> Result<SourceFile, Diagnostic> in
            document(file.path, named: file.name, id: file.id, kind: kind, in: folder, reader: reader, cache: cache)
        }
        for outcome in cache == nil ? pending.parallelMap(read) : pending.map(read) {
            switch outcome {
            case .success(let file): result.files.append(file)
            case .failure(let problem): result.diagnostics.append(problem)
            }
        }
    }

    /// One document's text, read (or, unchanged, taken from `cache`) and decoded.
    private static func document(_ path: String, named name: String, id: String, kind: DocumentKind, in folder: SiteEntry,
                                 reader: SiteReader, cache: BuildCache?) -> Result<SourceFile, Diagnostic> {
        let stamp = cache == nil ? nil : FileStamp(path: folder.real + "/" + name)
        if let stamp, let text = cache?.text(of: path, stamp: stamp) {
            return .success(SourceFile(path: path, kind: kind, id: id, text: text))
        }
        let readAt = Date()
        switch reader.child(name, of: folder).flatMap({ file -> Result<[UInt8], Diagnostic> in
            file.isFolder ? .failure(.error(.unreadableFile, "\(path) is a folder, not a document; documents are files ending in .md", at: SourceLocation(file: path))) : reader.read(file)
        }) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let bytes) where bytes.isEmpty:
            let title = kind == .contact ? "name" : "title"
            return .failure(.error(.missingFrontMatter, "the file is empty; a document must start with front matter: a line '---', the settings, then another '---'", at: SourceLocation(file: path, line: 1, column: 1), suggestion: "---\n\(title): ...\nsummary: ...\n---"))
        case .success(let bytes):
            switch TextDecoding.decode(bytes, path: path) {
            case .success(let text):
                if let stamp { cache?.remember(text, of: path, stamp: stamp, readAt: readAt) }
                return .success(SourceFile(path: path, kind: kind, id: id, text: text))
            case .failure(let problem):
                return .failure(problem)
            }
        }
    }

    /// Asset paths that differ only in case (or in how an accent is encoded) name one file on a
    /// case-insensitive disk (macOS, Windows) or host, where one would silently replace the other.
    static func caseClashes(_ assets: [String]) -> [Diagnostic] {
        var first: [String: String] = [:]
        var problems: [Diagnostic] = []
        for asset in assets {
            let key = asset.lowercased()
            if let other = first[key] {
                let how = asset == other ? "are one name with its accents encoded two ways (NFC and NFD)" : "differ only in case"
                problems.append(.error(.badFileName, "Content/assets/\(asset) and Content/assets/\(other) \(how), so on a case-insensitive disk or host (macOS, Windows) one would replace the other; rename one of them", at: SourceLocation(file: "Content/assets/\(asset)")))
            } else {
                first[key] = asset
            }
        }
        return problems
    }

    /// A valid id made from any name: "Gosport LCP" becomes "gosport-lcp".
    static func slug(_ name: String) -> String {
        let lowered = name.lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? $0 : "-" }
        return String(lowered).split(separator: "-").joined(separator: "-")
    }
}
