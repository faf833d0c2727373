import Foundation

/// Why `trellis new` or `trellis init` wrote nothing.
public enum ScaffoldError: Error, Hashable, Sendable {
    /// The kind named is not one of the six; with the nearest kind, if any.
    case unknownKind(String, suggestion: String?)
    /// The id breaks the id rules; with a valid id made from it, if any.
    case invalidID(String, suggestion: String?)
    /// A page id that is the address of a page Trellis writes itself.
    case reservedID(String, use: String)
    /// A file with that id already exists (path relative to the site folder).
    case exists(String)
    /// The site folder has no `Content/` to add to.
    case noContent(String)
    /// `init` was pointed at a folder that already holds a site.
    case siteExists(String)
    /// The file system refused (path, and why).
    case cannotWrite(String, reason: String)

    /// What to tell the editor, with what to do instead.
    public var message: String {
        switch self {
        case .unknownKind(let name, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "'\(name)' is not a kind of file\(hint); the kinds are \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidID(let id, let suggestion):
            let hint = suggestion.map { "; write \($0) instead" } ?? ""
            return "'\(id)' is not a valid id: ids are lower-case letters, digits and single hyphens, like gosport-lcp\(hint)"
        case .reservedID(let id, let use):
            return "a page with id '\(id)' would have the address /\(id)/, which is \(use); choose another id"
        case .exists(let path):
            return "\(path) already exists; edit that file, or choose another id"
        case .noContent(let site):
            return "no Content/ folder in \(site); run trellis new in the folder that holds Content/, pass --site DIR, or make a site with trellis init DIR"
        case .siteExists(let folder):
            return "\(folder) already holds a site (it has a Content/ folder); choose a new or empty folder"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}

/// Writes new files for editors: one document of a kind (`trellis new`) or a whole site (`trellis init`).
public enum Scaffold {
    /// The kind called `name`: `plan`, or its folder's name, `plans`.
    public static func kind(named name: String) throws -> DocumentKind {
        let lowered = name.lowercased()
        if let kind = DocumentKind(rawValue: lowered) ?? DocumentKind(folder: lowered) { return kind }
        let names = DocumentKind.allCases.map(\.rawValue)
        throw ScaffoldError.unknownKind(name, suggestion: Suggestion.nearest(to: lowered, in: names + DocumentKind.allCases.map(\.folder))
            .map { DocumentKind(folder: $0)?.rawValue ?? $0 })
    }

    /// Checks `id` against the id rules and, for pages, the addresses Trellis uses itself.
    public static func validate(id: String, kind: DocumentKind) throws {
        guard ContentLoader.isValidID(id) else {
            let fixed = ContentLoader.slug(id)
            throw ScaffoldError.invalidID(id, suggestion: fixed.isEmpty || fixed == id ? nil : fixed)
        }
        if kind == .page, let use = ContentLoader.reservedPageIDs[id] { throw ScaffoldError.reservedID(id, use: use) }
    }

    /// Writes `Content/FOLDER/ID.md` with every setting of its kind, commented; returns its path relative to `site`.
    @discardableResult
    public static func newDocument(_ kind: DocumentKind, id: String, site: URL) throws -> String {
        try validate(id: id, kind: kind)
        let content = site.appendingPathComponent("Content")
        guard isFolder(content) else { throw ScaffoldError.noContent(site.path) }
        let path = "Content/\(kind.folder)/\(id).md"
        try write([(path, DocumentTemplate.text(kind, id: id))], into: site)
        return path
    }

    /// Writes a new site into `folder` (made if missing); returns the paths written, relative to it.
    @discardableResult
    public static func initSite(at folder: URL) throws -> [String] {
        if isFolder(folder.appendingPathComponent("Content")) { throw ScaffoldError.siteExists(folder.path) }
        var files = SiteTemplate.files
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitignore").path) {
            // `.Public.*` beside the output: a build's staging folder, the folder it replaced, and
            // its lock; a killed build can leave the first two behind until the next build.
            files.append((".gitignore", "# What trellis build writes: made again by every build, never committed.\n/Public/\n/.Public.*\n"))
        }
        try write(files, into: folder)
        return files.map(\.0)
    }

    /// Writes each file, refusing to replace any that exists.
    private static func write(_ files: [(String, String)], into folder: URL) throws {
        let manager = FileManager.default
        for (path, _) in files where manager.fileExists(atPath: folder.appendingPathComponent(path).path) {
            throw ScaffoldError.exists(path)
        }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                if manager.fileExists(atPath: url.path) { throw ScaffoldError.exists(path) }
                throw ScaffoldError.cannotWrite(path, reason: (error as NSError).localizedDescription)
            }
        }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }
}
