import Foundation
import Markdown

/// A `#fragment` of another page, checked once every page's headings are known.
struct FragmentCheck: Hashable, Sendable {
    /// `partnerships/gosport`
    var target: String
    var fragment: String
    var location: SourceLocation
}

/// Decides where each link in a body goes: rewritten to a page's URL, kept, or refused.
struct LinkResolver: Sendable {
    let index: SiteIndex

    /// What the link becomes, and any problem with it.
    struct Outcome {
        var rewrite: LinkRewrite
        var diagnostic: Diagnostic?
        var fragmentCheck: FragmentCheck?
    }

    static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]
    static let keptSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "ftps"]

    /// Resolves one link written in `document`'s body.
    func resolve(_ link: MarkdownLink, in document: Document) -> Outcome {
        let location = SourceLocation(file: document.path, line: link.line + document.bodyLineOffset, column: link.column)
        let destination = link.destination.trimmedOfWhitespace
        let (path, fragment) = split(destination)
        let from = document.sitePath

        if let scheme = scheme(of: destination) {
            if Self.keptSchemes.contains(scheme) { return Outcome(rewrite: .keep) }
            let (id, fragment) = split(String(destination.dropFirst(scheme.count + 1)))
            switch scheme {
            case "priority": return generated(id, fragment, kind: "priority", exists: index.priorities[id] != nil, candidates: index.priorityOrder, target: "priorities/\(id)", from: from, at: location)
            case "measure": return generated(id, fragment, kind: "measure", exists: index.document(.measure, id) != nil, candidates: index.ids(of: .measure), target: "measures/\(id)", from: from, at: location)
            case "contact": return generated(id, fragment, kind: "contact", exists: index.document(.contact, id) != nil, candidates: index.ids(of: .contact), target: "contacts/\(id)", from: from, at: location)
            case _ where Self.unsafeSchemes.contains(scheme):
                return Outcome(rewrite: .remove, diagnostic: .error(.unsafeLink, "a '\(scheme):' link is not allowed, since it could run code or hide content in the page; link to a page or an https:// address", at: location))
            default:
                return Outcome(rewrite: .keep, diagnostic: .warning(.unsafeLink, "'\(scheme):' links are unusual; check this link (priority:, measure:, contact:, https: and mailto: are the usual kinds)", at: location))
            }
        }
        if destination.hasPrefix("//") || destination.hasPrefix("/") {
            return Outcome(rewrite: .keep, diagnostic: .warning(.unknownReference, "a link starting with '/' bypasses Trellis's checks and breaks when the site is published under a folder; link to the file relatively, like ../partnerships/gosport.md", at: location))
        }
        if path.isEmpty {
            guard let fragment else { return Outcome(rewrite: .keep) }
            return Outcome(rewrite: .keep, fragmentCheck: FragmentCheck(target: document.reference, fragment: fragment, location: location))
        }
        return relative(path: path, fragment: fragment, link: link, document: document, at: location)
    }

    private func relative(path: String, fragment: String?, link: MarkdownLink, document: Document, at location: SourceLocation) -> Outcome {
        let decoded = Self.percentDecoded(path)
        // Parts kept as Substrings of the two paths: most are only compared, never made Strings.
        var parts = document.path.pathParts()
        _ = parts.popLast()
        for part in decoded.pathParts() {
            if part == "." { continue }
            if part == ".." {
                if parts.popLast() == nil { break }
                continue
            }
            parts.append(part)
        }
        guard parts.first == "Content" else {
            return Outcome(rewrite: .remove, diagnostic: .error(.unknownReference, "'\(link.destination)' points outside Content/; link to a file in Content/ or to an https:// address", at: location))
        }
        if parts.count >= 2, parts[1] == "assets" {
            let asset = parts.dropFirst(2).joined(separator: "/")
            guard index.assets.contains(asset) else {
                return Outcome(rewrite: .remove, diagnostic: .error(.missingAsset, "no file Content/assets/\(asset)\(Suggestion.didYouMean(asset, in: index.assets.sorted())); put the file in Content/assets/ or correct the link", at: location))
            }
            return Outcome(rewrite: .replace(URLPath.relative(from: document.sitePath, to: "assets/" + asset) + (fragment.map { "#" + $0 } ?? "")))
        }
        // The file name as a String: Substring's hasSuffix is a generic search, several times slower.
        let file = parts.count == 3 ? String(parts[2]) : ""
        guard parts.count == 3, let kind = DocumentKind(folder: String(parts[1])), file.hasSuffix(".md") else {
            let hint = parts.count == 2 && parts[1].hasSuffix(".md") ? "; documents live in a folder such as ../partnerships/" : ""
            return Outcome(rewrite: .remove, diagnostic: .error(.unknownReference, "'\(link.destination)' is not a document in Content/ or a file in Content/assets/\(hint)", at: location))
        }
        let id = String(file.dropLast(3))
        guard let target = index.document(kind, id) else {
            return Outcome(rewrite: .remove, diagnostic: .error(.unknownReference, "no \(kind.rawValue) '\(id)' (Content/\(kind.folder)/\(id).md)\(Suggestion.didYouMean(id, in: index.ids(of: kind)))", at: location))
        }
        let url = URLPath.relative(from: document.sitePath, to: target.sitePath) + (fragment.map { "#" + $0 } ?? "")
        return Outcome(rewrite: .replace(url), fragmentCheck: fragment.map { FragmentCheck(target: target.reference, fragment: $0, location: location) })
    }

    /// A `priority:`, `measure:` or `contact:` link to the page at `target` ("measures/neet"), keeping any fragment.
    private func generated(_ id: String, _ fragment: String?, kind: String, exists: Bool, candidates: [String], target: String, from: String, at location: SourceLocation) -> Outcome {
        guard exists else {
            return Outcome(rewrite: .remove, diagnostic: .error(.unknownReference, "unknown \(kind) '\(id)'\(Suggestion.didYouMean(id, in: candidates))", at: location))
        }
        let url = URLPath.relative(from: from, to: target + "/") + (fragment.map { "#" + $0 } ?? "")
        return Outcome(rewrite: .replace(url), fragmentCheck: fragment.map { FragmentCheck(target: target, fragment: $0, location: location) })
    }

    private func scheme(of destination: String) -> String? { Self.scheme(of: destination) }

    /// The scheme a URL starts with (`^[A-Za-z][A-Za-z0-9+.-]*:`), lower-cased, or nil.
    ///
    /// Scanned by hand: a regex literal here was compiled again for every link, most of the
    /// time of a build of a large body.
    static func scheme(of destination: String) -> String? {
        var length = 0
        for byte in destination.utf8 {
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if byte == UInt8(ascii: ":") {
                return length == 0 ? nil : String(decoding: destination.utf8.prefix(length), as: UTF8.self).lowercased()
            }
            let isDigitOrMark = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            guard isLetter || (length > 0 && isDigitOrMark) else { return nil }
            length += 1
        }
        return nil
    }

    private func split(_ destination: String) -> (String, String?) {
        // Found by its byte with memchr: a search by Character costs thousands of instructions a
        // link, and even one through the UTF-8 view a thousand.
        guard let offset = Self.offset(of: UInt8(ascii: "#"), in: destination) else { return (destination, nil) }
        let hash = destination.utf8.index(destination.utf8.startIndex, offsetBy: offset)
        let fragment = String(destination[destination.utf8.index(after: hash)...])
        return (String(destination[..<hash]), Self.percentDecoded(fragment))
    }

    /// `%20` and the like decoded (the text as it is where a `%` does not start an escape).
    /// Foundation's decoding is slow, and most links have nothing to decode.
    private static func percentDecoded(_ text: String) -> String {
        offset(of: UInt8(ascii: "%"), in: text) != nil ? text.removingPercentEncoding ?? text : text
    }

    /// The UTF-8 offset of the first `byte` in `text`.
    private static func offset(of byte: UInt8, in text: String) -> Int? {
        text.withUTF8Bytes { $0.offset(of: byte) }
    }
}

/// Site paths ("plans/x/") and the relative URLs between pages, so a site works under any folder.
enum URLPath {
    /// The URL of `target` as seen from the page at `from`; both are paths from the site root.
    static func relative(from: String, to target: String) -> String {
        // Site paths are folders ("plans/x/") or files in them ("data/x.csv"): one level per '/'.
        relative(depth: depth(of: from), to: target)
    }

    /// How many folders down the page at the site path `path` is: its count of '/'.
    static func depth(of path: String) -> Int {
        // Counted in the contiguous bytes: iterating the UTF-8 view costs several times more.
        return path.withUTF8Bytes { $0.count(where: { $0 == UInt8(ascii: "/") }) }
    }

    /// The URL of `target` as seen from a page `depth` folders below the site root.
    static func relative(depth: Int, to target: String) -> String {
        if depth == 0 { return target.isEmpty ? "./" : target }
        if depth < climbs.count { return climbs[depth] + target }
        var url = ""
        url.reserveCapacity(depth * 3 + target.utf8.count)
        for _ in 0..<depth { url += "../" }
        return url + target
    }

    /// "", "../", "../../", ... for the depths pages are at: a link is then one concatenation.
    private static let climbs = (0..<6).map { String(repeating: "../", count: $0) }
}
