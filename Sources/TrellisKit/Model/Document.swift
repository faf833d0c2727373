/// What every kind of file has: its id, title, summary, status and body.
///
/// A value, but its fields live in one shared box that is copied only when a copy is changed:
/// pages look documents up by id thousands of times per build, and copying a dozen fields (each
/// retained) every time was a tenth of a large build.
public struct Document: Hashable, Sendable {
    /// The fields themselves.
    struct Fields: Hashable, Sendable {
        var kind: DocumentKind
        var id: String
        var path: String
        var title: String
        var summary: String?
        var status: Located<String>?
        var draft: Bool
        var updated: Located<WrittenTime>?
        var consultation: Located<Consultation>?
        var outcomeDocument: Located<String>?
        var body: String
        var bodyLineOffset: Int
        var details: Details
    }

    /// The fields, and the names made from the kind and id, made once: pages ask for them
    /// thousands of times per build.
    private final class Box: @unchecked Sendable {
        var fields: Fields {
            didSet { if fields.kind != oldValue.kind || fields.id != oldValue.id { (reference, sitePath) = Self.names(fields) } }
        }
        private(set) var reference: String
        private(set) var sitePath: String

        init(_ fields: Fields) {
            self.fields = fields
            (reference, sitePath) = Self.names(fields)
        }

        private static func names(_ fields: Fields) -> (reference: String, sitePath: String) {
            (fields.kind.folder + "/" + fields.id, fields.kind.path(id: fields.id))
        }
    }

    private var box: Box

    public init(kind: DocumentKind, id: String, path: String, title: String, summary: String?, status: Located<String>?, draft: Bool,
                updated: Located<WrittenTime>?, consultation: Located<Consultation>?, outcomeDocument: Located<String>? = nil,
                body: String, bodyLineOffset: Int, details: Details) {
        box = Box(Fields(kind: kind, id: id, path: path, title: title, summary: summary, status: status, draft: draft, updated: updated,
                         consultation: consultation, outcomeDocument: outcomeDocument, body: body, bodyLineOffset: bodyLineOffset, details: details))
    }

    private var fields: Fields {
        get { box.fields }
        set {
            if isKnownUniquelyReferenced(&box) { box.fields = newValue } else { box = Box(newValue) }
        }
    }

    public static func == (a: Document, b: Document) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    public var kind: DocumentKind { get { box.fields.kind } set { fields.kind = newValue } }
    public var id: String { get { box.fields.id } set { fields.id = newValue } }
    /// Path relative to the site folder (`Content/plans/cypp-2009-12.md`).
    public var path: String { get { box.fields.path } set { fields.path = newValue } }
    /// The title (a contact's name).
    public var title: String { get { box.fields.title } set { fields.title = newValue } }
    public var summary: String? { get { box.fields.summary } set { fields.summary = newValue } }
    public var status: Located<String>? { get { box.fields.status } set { fields.status = newValue } }
    public var draft: Bool { get { box.fields.draft } set { fields.draft = newValue } }
    public var updated: Located<WrittenTime>? { get { box.fields.updated } set { fields.updated = newValue } }
    public var consultation: Located<Consultation>? { get { box.fields.consultation } set { fields.consultation = newValue } }
    /// The consultation outcome's `document:` as written, with its place, for the reference check.
    public var outcomeDocument: Located<String>? { get { box.fields.outcomeDocument } set { fields.outcomeDocument = newValue } }
    /// The Markdown body and the number of file lines before it.
    public var body: String { get { box.fields.body } set { fields.body = newValue } }
    public var bodyLineOffset: Int { get { box.fields.bodyLineOffset } set { fields.bodyLineOffset = newValue } }
    /// What only this kind has.
    public var details: Details { get { box.fields.details } set { fields.details = newValue } }

    public enum Details: Hashable, Sendable {
        case partnership(Partnership)
        case plan(Plan)
        case framework(Framework)
        case measure(Measure)
        case contact(Contact)
        case page
    }

    /// `plans/cypp-2009-12`: how documents are named in `documents:` lists.
    public var reference: String { box.reference }

    /// The page's path in the site, relative to its root: `plans/cypp-2009-12/`.
    public var sitePath: String { box.sitePath }
}

/// An organisation that sits on a partnership.
public struct Member: Hashable, Sendable {
    public var name: String
    public var sector: String?
    public var role: String?
}

/// A risk a partnership watches, and what it does about it.
public struct Risk: Hashable, Sendable {
    public var title: String
    public var mitigation: String?
}

/// A partnership: a board, a local children's partnership, a group.
public struct Partnership: Hashable, Sendable {
    public var type: Located<String>?
    public var area: String?
    public var parent: Located<String>?
    public var established: Located<WrittenTime>?
    public var chair: Located<String>?
    public var contacts: [Located<String>]
    public var members: [Member]
    public var meets: String?
    public var priorities: [Located<String>]
    public var measures: [Located<String>]
    public var documents: [Located<String>]
    public var risks: [Risk]
}

/// A priority a plan sets; a local priority names the priority it serves as `parent`.
public struct Priority: Hashable, Sendable {
    public var id: Located<String>
    public var label: String?
    public var title: String
    public var parent: Located<String>?
    public var measures: [Located<String>]
    /// The id of the plan that sets it.
    public var plan: String
}

/// A plan, such as the Children and Young People's Plan, and the priorities it sets.
public struct Plan: Hashable, Sendable {
    public var periodFrom: Located<WrittenTime>?
    public var periodTo: Located<WrittenTime>?
    public var owner: Located<String>?
    public var supersededBy: Located<String>?
    public var priorities: [Priority]
}

/// A framework or strategy document.
public struct Framework: Hashable, Sendable {
    public var owner: Located<String>?
    public var adopted: Located<WrittenTime>?
    public var review: Located<WrittenTime>?
    public var priorities: [Located<String>]
    public var measures: [Located<String>]
}

/// A value of a measure for one period ("2009-10").
public struct DataPoint: Hashable, Sendable {
    public var period: String
    public var value: Double
    /// The value as written, so "52.0" stays "52.0".
    public var written: String
}

/// A performance measure with its baseline, targets and actuals.
public struct Measure: Hashable, Sendable {
    public var code: String?
    public var definition: String?
    public var source: String?
    public var unit: String?
    public var polarity: Located<String>?
    public var baseline: DataPoint?
    public var targets: [DataPoint]
    public var actuals: [DataPoint]
}

/// A person or a role mailbox; everything in it is public.
public struct Contact: Hashable, Sendable {
    public var role: String?
    public var organisation: String?
    public var email: String?
    public var telephone: String?
    public var address: String?
}
