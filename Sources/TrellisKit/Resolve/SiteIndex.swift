/// Every document and priority by id, so references can be looked up and suggested.
public struct SiteIndex: Sendable {
    public let settings: SiteSettings
    /// Documents in a fixed order: by kind, then id.
    public private(set) var documents: [Document]
    private let positions: [String: Int]
    /// The same positions by kind (in `DocumentKind.allCases` order), then id: a lookup by kind
    /// and id (every link on every page) hashes the id alone, with no `kind/id` string built.
    private let positionsByKind: [[String: Int]]
    /// Documents of each kind, by id, and their ids: built once, since links and pages ask per kind.
    private var byKind: [DocumentKind: [Document]]
    private let idsByKind: [DocumentKind: [String]]
    /// Every priority by id, with the plan that sets it.
    public let priorities: [String: Priority]
    /// Priorities in plan order (plans by id, then as written).
    public let priorityOrder: [String]
    /// Asset paths under `Content/assets/`.
    public let assets: Set<String>

    init(settings: SiteSettings, documents: [Document], assets: [String]) {
        self.settings = settings
        self.documents = documents.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        var positions: [String: Int] = [:]
        for (index, document) in self.documents.enumerated() { positions[document.reference] = index }
        self.positions = positions
        var positionsByKind = [[String: Int]](repeating: [:], count: DocumentKind.allCases.count)
        for (index, document) in self.documents.enumerated() { positionsByKind[document.kind.number][document.id] = index }
        self.positionsByKind = positionsByKind
        let byKind = Dictionary(grouping: self.documents, by: \.kind)
        self.byKind = byKind
        self.idsByKind = byKind.mapValues { $0.map(\.id) }
        var priorities: [String: Priority] = [:]
        var order: [String] = []
        for document in self.documents {
            guard case .plan(let plan) = document.details else { continue }
            for priority in plan.priorities where priorities[priority.id.value] == nil {
                priorities[priority.id.value] = priority
                order.append(priority.id.value)
            }
        }
        self.priorities = priorities
        self.priorityOrder = order
        self.assets = Set(assets)
    }

    /// The same index with every document's Markdown body emptied, once the bodies are rendered:
    /// tens of megabytes on a large site that nothing reads again.
    /// Only the documents change: their order, ids and priorities are the same, so nothing is sorted or hashed again.
    func withoutBodies() -> SiteIndex {
        var stripped = self
        stripped.documents = documents.map { document in
            var stripped = document
            stripped.body = ""
            return stripped
        }
        stripped.byKind = Dictionary(grouping: stripped.documents, by: \.kind)
        return stripped
    }

    /// The document `kind/id`, if there is one.
    public func document(_ kind: DocumentKind, _ id: String) -> Document? {
        positionsByKind[kind.number][id].map { documents[$0] }
    }

    /// The document named `plans/cypp-2009-12`.
    public func document(reference: String) -> Document? { positions[reference].map { documents[$0] } }

    /// Every document of one kind, by id.
    public func documents(of kind: DocumentKind) -> [Document] { byKind[kind] ?? [] }

    /// The ids of one kind, for "did you mean".
    func ids(of kind: DocumentKind) -> [String] { idsByKind[kind] ?? [] }
}
