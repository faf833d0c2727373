/// The kinds of file under `Content/`, each in its own folder.
public enum DocumentKind: String, CaseIterable, Hashable, Sendable, Comparable {
    case partnership
    case plan
    case framework
    case measure
    case contact
    case page

    /// The kind's place in `allCases`.
    var number: Int {
        switch self {
        case .partnership: 0
        case .plan: 1
        case .framework: 2
        case .measure: 3
        case .contact: 4
        case .page: 5
        }
    }

    /// The folder under `Content/` that holds this kind ("partnerships").
    public var folder: String {
        switch self {
        case .partnership: "partnerships"
        case .plan: "plans"
        case .framework: "frameworks"
        case .measure: "measures"
        case .contact: "contacts"
        case .page: "pages"
        }
    }

    /// The kind whose folder is `folder`.
    public init?(folder: String) {
        guard let kind = DocumentKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    /// The site path of a document of this kind: `partnerships/gosport/`, or `about/` for a page.
    func path(id: String) -> String { self == .page ? "\(id)/" : "\(folder)/\(id)/" }

    /// The heading of this kind's index and its breadcrumb.
    var pluralTitle: String {
        switch self {
        case .partnership: "Partnerships"
        case .plan: "Plans"
        case .framework: "Frameworks"
        case .measure: "Measures"
        case .contact: "Contacts"
        case .page: "Pages"
        }
    }

    /// The kind in a sentence ("a partnership").
    var singularTitle: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: DocumentKind, rhs: DocumentKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
