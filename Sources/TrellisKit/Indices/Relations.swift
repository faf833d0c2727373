/// The connections between documents, in both directions, each list in a fixed order.
struct Relations: Sendable {
    /// Priority id -> partnership ids that work on it.
    var partnershipsByPriority: [String: [String]] = [:]
    /// Priority id -> framework ids that serve it.
    var frameworksByPriority: [String: [String]] = [:]
    /// Priority id -> ids of the local priorities under it.
    var childPriorities: [String: [String]] = [:]
    /// Measure id -> priority ids that use it.
    var prioritiesByMeasure: [String: [String]] = [:]
    /// Measure id -> partnership ids that track it.
    var partnershipsByMeasure: [String: [String]] = [:]
    /// Measure id -> framework ids that use it.
    var frameworksByMeasure: [String: [String]] = [:]
    /// Contact id -> (partnership id, "Chair" or "Contact").
    var contactFor: [String: [ContactRole]] = [:]
    /// Partnership id -> ids of partnerships under it.
    var childPartnerships: [String: [String]] = [:]
    /// Partnership id -> references of the plans and frameworks it owns.
    var ownedDocuments: [String: [String]] = [:]
    /// Document reference -> partnership ids that list it in `documents`.
    var partnershipsByDocument: [String: [String]] = [:]
    /// Plan id -> ids of the plans it superseded.
    var supersedes: [String: [String]] = [:]

    /// What a contact is the contact for.
    struct ContactRole: Hashable, Sendable {
        var partnership: String
        var role: String
    }

    init(_ index: SiteIndex) {
        // Repeats are removed once at the end: checking each list as it grows was quadratic
        // for a priority with 100,000 children.
        func add(_ map: inout [String: [String]], _ key: String, _ value: String) {
            map[key, default: []].append(value)
        }
        for document in index.documents {
            switch document.details {
            case .partnership(let partnership):
                partnership.priorities.forEach { add(&partnershipsByPriority, $0.value, document.id) }
                partnership.measures.forEach { add(&partnershipsByMeasure, $0.value, document.id) }
                partnership.documents.forEach { add(&partnershipsByDocument, $0.value, document.id) }
                if let parent = partnership.parent { add(&childPartnerships, parent.value, document.id) }
                if let chair = partnership.chair { contactFor[chair.value, default: []].append(ContactRole(partnership: document.id, role: "Chair")) }
                for contact in partnership.contacts where contact.value != partnership.chair?.value {
                    contactFor[contact.value, default: []].append(ContactRole(partnership: document.id, role: "Contact"))
                }
            case .plan(let plan):
                if let owner = plan.owner { add(&ownedDocuments, owner.value, document.reference) }
                if let next = plan.supersededBy { add(&supersedes, next.value, document.id) }
                for priority in plan.priorities {
                    if let parent = priority.parent { add(&childPriorities, parent.value, priority.id.value) }
                    priority.measures.forEach { add(&prioritiesByMeasure, $0.value, priority.id.value) }
                }
            case .framework(let framework):
                if let owner = framework.owner { add(&ownedDocuments, owner.value, document.reference) }
                framework.priorities.forEach { add(&frameworksByPriority, $0.value, document.id) }
                framework.measures.forEach { add(&frameworksByMeasure, $0.value, document.id) }
            case .measure, .contact, .page:
                break
            }
        }
        let lists: [WritableKeyPath<Relations, [String: [String]]>] = [
            \.partnershipsByPriority, \.frameworksByPriority, \.childPriorities, \.prioritiesByMeasure, \.partnershipsByMeasure,
            \.frameworksByMeasure, \.childPartnerships, \.ownedDocuments, \.partnershipsByDocument, \.supersedes,
        ]
        for list in lists {
            self[keyPath: list] = self[keyPath: list].mapValues { values in
                var seen: Set<String> = []
                return values.filter { seen.insert($0).inserted }
            }
        }
    }

    /// A priority's ancestors, nearest first, stopping at a cycle.
    static func ancestors(of id: String, in index: SiteIndex) -> [Priority] {
        var chain: [Priority] = []
        var current = index.priorities[id]?.parent?.value
        var seen: Set<String> = [id]
        while let next = current, let priority = index.priorities[next], seen.insert(next).inserted {
            chain.append(priority)
            current = priority.parent?.value
        }
        return chain
    }
}
