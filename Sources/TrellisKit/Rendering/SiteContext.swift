import Foundation

/// Everything page views need from the whole site, worked out once per build.
struct SiteContext: @unchecked Sendable {
    let index: SiteIndex
    let relations: Relations
    let bodies: [String: RenderedBody]
    let now: Date
    let clock: SiteClock
    let format: GOVUKFormat
    /// Open consultations (closing soonest first) and notices in their window, for the site banner.
    let openConsultations: [Document]
    let activeNotices: [SiteSettings.Notice]
    /// Last-updated instant of each document, where known.
    let updated: [String: Date]
    /// The commits that changed each file, for "Page history" and "Edit this page".
    let history: SiteHistory
    /// The theme's assets under their published (hashed) names.
    let assets: ThemeAssets
    /// Each measure's row in tables, but its URL (see `measureRow`).
    let measureRows: [String: TemplateFields]
    var stylesheet: String { assets.stylesheet }
    var script: String { assets.script }

    /// `relations` are the index's, when they are made already.
    init(index: SiteIndex, relations: Relations? = nil, bodies: [RenderedBody], now: Date, clock: SiteClock, updated: [String: Date], history: SiteHistory = .empty, assets: ThemeAssets) {
        self.index = index
        self.relations = relations ?? Relations(index)
        var byReference: [String: RenderedBody] = [:]
        for (document, body) in zip(index.documents, bodies) { byReference[document.reference] = body }
        self.bodies = byReference
        self.now = now
        self.clock = clock
        self.format = GOVUKFormat(clock: clock)
        self.openConsultations = index.documents
            .filter { $0.consultation?.value.state(at: now) == .open }
            .sorted { ($0.consultation!.value.closes, $0.reference) < ($1.consultation!.value.closes, $1.reference) }
        self.activeNotices = index.settings.notices.filter {
            NoticeWindow(from: $0.from?.value, until: $0.until?.value, clock: clock).contains(now)
        }
        self.updated = updated
        self.history = history
        self.assets = assets
        self.measureRows = Self.measureRows(index)
    }

    /// A link to a document as seen from the page at `from`.
    func link(_ document: Document, from: String) -> TemplateFields {
        ["title": TemplateValue(document.title), "url": TemplateValue(URLPath.relative(from: from, to: document.sitePath)),
         "summary": TemplateValue(document.summary ?? ""), "status": TemplateValue(document.status.map { Self.statusWords($0.value) } ?? ""),
         "label": .null, "consultation": .null]
    }

    /// A status as words: "in-progress" is "In progress".
    static func statusWords(_ status: String) -> String {
        // ASCII (as statuses are) byte by byte: each byte is a Character, and only a-z change case.
        if status.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(status.utf8)
            for index in bytes.indices where bytes[index] == UInt8(ascii: "-") { bytes[index] = UInt8(ascii: " ") }
            if let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) { bytes[0] = first - 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return (status.utf8.contains(UInt8(ascii: "-")) ? String(status.map { $0 == "-" ? " " : $0 }) : status).capitalizedFirst
    }

    /// Links to documents of one kind by id, as seen from `from`, skipping unknown ids.
    func links(_ kind: DocumentKind, _ ids: [String], from: String) -> [TemplateFields] {
        ids.compactMap { index.document(kind, $0) }.map { link($0, from: from) }
    }

    /// A link to a priority, with its label.
    func priorityLink(_ id: String, from: String) -> TemplateFields? {
        guard let priority = index.priorities[id] else { return nil }
        return ["title": TemplateValue(priority.title), "url": TemplateValue(URLPath.relative(from: from, to: "priorities/\(id)/")), "id": TemplateValue(id),
                "label": TemplateValue(priority.label ?? ""), "summary": .null]
    }

    /// A date in words inside `<time>`: escaped HTML.
    func timeHTML(_ instant: Date) -> String {
        "<time datetime=\"\(format.isoDate(instant))\">\(HTML.escape(format.date(instant)))</time>"
    }

    /// A date as written (`2009-04-01`), in words.
    func dateText(_ written: WrittenTime) -> String { format.date(clock.start(of: written)) }
}
