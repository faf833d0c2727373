import Foundation
import Markdown

/// `/feed.atom`: an Atom 1.0 feed (RFC 4287) with one entry per document, most recently updated
/// first. Each entry's id is its page's address, which stays the same from build to build.
struct AtomFeed {
    let site: SiteContext

    /// When each document was last updated: its own date where known; otherwise the oldest date
    /// the site knows (so an undated document never looks new), or the build's `now` on a site
    /// with no dates at all. Newest first; dated before undated on the same day; then in the
    /// index's order (by kind, then id).
    func entryDates() -> [(document: Document, updated: Date)] {
        let documents = site.index.documents
        let fallback = site.updated.values.min() ?? site.now
        let dates = documents.map { site.updated[$0.reference] }
        // Sort positions, not documents: a Document is large to copy.
        let order = documents.indices.sorted { a, b in
            let (dateA, dateB) = (dates[a] ?? fallback, dates[b] ?? fallback)
            if dateA != dateB { return dateA > dateB }
            if (dates[a] == nil) != (dates[b] == nil) { return dates[a] != nil }
            return a < b
        }
        return order.map { (documents[$0], dates[$0] ?? fallback) }
    }

    /// The feed file.
    func file() -> OutputFile {
        let settings = site.index.settings
        let entries = entryDates()
        let updated = entries.first?.updated ?? site.now
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Self.escape(settings.language))">
          <id>\(Self.escape(settings.baseURL))</id>
          <title>\(Self.escape(settings.title))</title>
          <subtitle>Partnerships, plans, frameworks, measures and contacts of \(Self.escape(settings.title)), most recently updated first.</subtitle>
          <updated>\(site.format.iso(updated))</updated>
          <link rel="self" type="application/atom+xml" href="\(Self.escape(settings.baseURL + "feed.atom"))"/>
          <link rel="alternate" type="text/html" href="\(Self.escape(settings.baseURL))"/>
          <author><name>\(Self.escape(settings.organisationName ?? settings.title))</name>\(settings.organisationURL.flatMap { SafeURL.isWebAddress($0) ? "<uri>\(Self.escape($0))</uri>" : nil } ?? "")</author>
          <generator>Trellis</generator>

        """
        if let licence = settings.licence { xml += "  <rights>\(Self.escape(licence))</rights>\n" }
        for (document, date) in entries {
            let url = settings.baseURL + document.sitePath
            xml += "  <entry>\n"
            xml += "    <id>\(Self.escape(url))</id>\n"
            xml += "    <title>\(Self.escape(document.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(url))\"/>\n"
            xml += "    <updated>\(site.format.iso(date))</updated>\n"
            xml += "    <category term=\"\(document.kind.rawValue)\" label=\"\(document.kind.singularTitle)\"/>\n"
            if let summary = summary(document) { xml += "    <summary>\(Self.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.atom", data: Data(xml.utf8))
    }

    /// The document's summary, or the start of its text when it has none.
    private func summary(_ document: Document) -> String? {
        if let summary = document.summary, !summary.isEmpty { return summary }
        // Only the start is read: a body can be megabytes long. Plain text is already one line
        // with single spaces, so its first 201 characters are all this needs.
        let start = (site.bodies[document.reference]?.plainText ?? "").prefix(201)
        let text = start.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { return nil }
        guard start.count > 200 else { return text }
        let cut = text.prefix(200)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// Text safe in XML content and attributes; characters XML 1.0 forbids are left out.
    ///
    /// By bytes: the feed holds whole bodies. U+FFFE and U+FFFF are the bytes EF BF BE and EF BF BF.
    static func escape(_ text: String) -> String {
        // Most titles and addresses have nothing to escape or leave out: they are returned as they are.
        if text.withUTF8Bytes({ !$0.contains(where: mayNeedCare) }) { return text }
        return text.withUTF8Bytes { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): out += "&amp;".utf8
                case UInt8(ascii: "<"): out += "&lt;".utf8
                case UInt8(ascii: ">"): out += "&gt;".utf8
                case UInt8(ascii: "\""): out += "&quot;".utf8
                case UInt8(ascii: "'"): out += "&apos;".utf8
                case 0x09, 0x0A, 0x0D: out.append(byte)
                case 0..<0x20: break
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether `escape` may change a byte: one of `& < > " '`, a control character other than
    /// tab, LF and CR, or the first byte of U+FFFE and U+FFFF.
    private static func mayNeedCare(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20: true
        default: false
        }
    }
}
