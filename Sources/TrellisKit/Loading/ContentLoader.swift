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
    static let idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

    /// Folders Trellis writes itself, which a free page (published at `/ID/`) must not take.
    static let reservedPageIDs: [String: String] = [
        "partnerships": "the partnerships index", "plans": "the plans index", "frameworks": "the frameworks index",
        "priorities": "the priorities index", "measures": "the measures index", "contacts": "the contacts index",
        "consultations": "the consultations page", "assets": "where Content/assets/ is published",
        "theme": "where the theme's files are published", "data": "where the open data is published",
    ]

    /// Reads the site folder `site`; every problem is collected, none thrown.
    public static func load(site: URL) -> LoadedContent {
        var result = LoadedContent(siteSettings: nil, files: [], assets: [], diagnostics: [])
        let content = site.appendingPathComponent("Content")
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: content.path, isDirectory: &isFolder), isFolder.boolValue else {
            result.diagnostics.append(.error(.missingSiteFile, "no Content/ folder in \(site.path); run trellis in the folder that holds Content/, or pass --site DIR (trellis init DIR makes a new site)", at: nil))
            return result
        }
        switch readText(content.appendingPathComponent("site.yml"), path: "Content/site.yml") {
        case .success(let text): result.siteSettings = text
        case .failure(let diagnostic): result.diagnostics.append(diagnostic)
        }

        let entries = (try? manager.contentsOfDirectory(atPath: content.path).sorted()) ?? []
        for entry in entries where !entry.hasPrefix(".") {
            let url = content.appendingPathComponent(entry)
            if let kind = DocumentKind(folder: entry) {
                loadKind(kind, folder: url, into: &result)
            } else if entry == "assets" {
                result.assets = listAssets(url)
            } else if entry != "site.yml" {
                let known = DocumentKind.allCases.map(\.folder) + ["assets", "site.yml"]
                result.diagnostics.append(.warning(.unexpectedFile, "Content/\(entry) is not part of a site and is left out\(Suggestion.didYouMean(entry, in: known)); the folders are \(known.joined(separator: ", "))", at: SourceLocation(file: "Content/\(entry)")))
            }
        }
        result.files.sort { $0.path < $1.path }
        return result
    }

    private static func loadKind(_ kind: DocumentKind, folder: URL, into result: inout LoadedContent) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []
        var seen: [String: String] = [:]
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") {
            let path = "Content/\(kind.folder)/\(name)"
            guard name.hasSuffix(".md") else {
                result.diagnostics.append(.warning(.unexpectedFile, "\(path) is not a Markdown file and is left out; documents end in .md, and images and files belong in Content/assets/", at: SourceLocation(file: path)))
                continue
            }
            let id = String(name.dropLast(3))
            guard id.wholeMatch(of: idPattern) != nil else {
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
            switch readText(folder.appendingPathComponent(name), path: path) {
            case .success(let text): result.files.append(SourceFile(path: path, kind: kind, id: id, text: text))
            case .failure(let diagnostic): result.diagnostics.append(diagnostic)
            }
        }
    }

    private static func readText(_ url: URL, path: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            let message = exists ? "cannot read \(path); check its permissions" : "\(path) is missing; every site needs one (trellis init DIR writes an example)"
            return .failure(.error(exists ? .unreadableFile : .missingSiteFile, message, at: SourceLocation(file: path)))
        }
        return TextDecoding.decode([UInt8](data), path: path)
    }

    private static func listAssets(_ folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { paths.append(relative) }
        }
        return paths.sorted()
    }

    /// A valid id made from any name: "Gosport LCP" becomes "gosport-lcp".
    static func slug(_ name: String) -> String {
        let lowered = name.lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? $0 : "-" }
        return String(lowered).split(separator: "-").joined(separator: "-")
    }
}
