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
    /// Each document's link, by reference, and each priority's, by id, but their URLs (see
    /// `link` and `priorityLink`): made once per build, since a document is linked from many pages.
    private let documentLinks: [String: TemplateFields]
    private let priorityLinks: [String: TemplateFields]
    /// Each contact's card but its URL, by id (see `DocumentPage.contactCard`).
    let contactCards: [String: TemplateFields]
    /// Each partnership type written in the site, in words: a site has few types and many partnerships.
    let partnershipTypes: [String: String]
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
        self.documentLinks = Dictionary(uniqueKeysWithValues: index.documents.map { ($0.reference, Self.linkFields($0)) })
        self.priorityLinks = index.priorities.mapValues(Self.linkFields)
        self.contactCards = Self.contactCards(index)
        var partnershipTypes: [String: String] = [:]
        for document in index.documents(of: .partnership) {
            guard case .partnership(let partnership) = document.details, let type = partnership.type?.value, partnershipTypes[type] == nil else { continue }
            partnershipTypes[type] = PartnershipType.words(type)
        }
        self.partnershipTypes = partnershipTypes
    }

    /// A link to a document as seen from the page at `from`.
    func link(_ document: Document, from: String) -> TemplateFields {
        var link = documentLinks[document.reference] ?? Self.linkFields(document)
        link["url"] = TemplateValue(URLPath.relative(from: from, to: document.sitePath))
        return link
    }

    /// A document's link but its URL.
    private static func linkFields(_ document: Document) -> TemplateFields {
        ["title": TemplateValue(document.title), "summary": TemplateValue(document.summary ?? ""),
         "status": TemplateValue(document.status.map { statusWords($0.value) } ?? ""), "label": .null, "consultation": .null]
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
        guard var link = priorityLinks[id] else { return nil }
        link["url"] = TemplateValue(URLPath.relative(from: from, to: "priorities/\(id)/"))
        return link
    }

    /// A priority's link but its URL.
    private static func linkFields(_ priority: Priority) -> TemplateFields {
        ["title": TemplateValue(priority.title), "id": TemplateValue(priority.id.value), "label": TemplateValue(priority.label ?? ""), "summary": .null]
    }

    /// A date in words inside `<time>`: escaped HTML.
    func timeHTML(_ instant: Date) -> String {
        "<time datetime=\"\(format.isoDate(instant))\">\(HTML.escape(format.date(instant)))</time>"
    }

    /// A date as written (`2009-04-01`), in words.
    func dateText(_ written: WrittenTime) -> String { format.date(clock.start(of: written)) }
}
