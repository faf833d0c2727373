/// Checks that every id written in front matter names something that exists.
enum ReferenceChecker {
    /// Every unresolved reference, duplicate priority and cycle, as errors with "did you mean".
    static func check(_ index: SiteIndex, allDocuments: [Document]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let draftReason = "left out of this build; build with --drafts or remove 'draft: true'"
        // Looked up once per unknown reference, so sets rather than scans: a list may hold 100,000 ids.
        let allReferences = Set(allDocuments.map(\.reference))
        let allPriorities = Set(allDocuments.flatMap { document -> [String] in
            guard case .plan(let plan) = document.details else { return [] }
            return plan.priorities.map(\.id.value)
        })
        let plans = index.documents(of: .plan).map(\.reference) + index.documents(of: .framework).map(\.reference)
        var suggestions = SuggestionBudget()
        func expect(_ reference: Located<String>?, _ kind: DocumentKind, _ role: String) {
            guard let reference, index.document(kind, reference.value) == nil else { return }
            let hidden = allReferences.contains("\(kind.folder)/\(reference.value)")
            let reason = hidden ? " (it is a draft, \(draftReason))" : suggestions.didYouMean(reference.value, in: index.ids(of: kind))
            diagnostics.append(.error(.unknownReference, "unknown \(kind.rawValue) '\(reference.value)' as \(role)\(reason)", at: reference.location))
        }
        func expectPriority(_ reference: Located<String>, _ role: String) {
            guard index.priorities[reference.value] == nil else { return }
            let hidden = allPriorities.contains(reference.value)
            let reason = hidden ? " (it is in a draft plan, \(draftReason))" : "\(suggestions.didYouMean(reference.value, in: index.priorityOrder)); priorities are defined in a plan's 'priorities:'"
            diagnostics.append(.error(.unknownReference, "unknown priority '\(reference.value)' as \(role)\(reason)", at: reference.location))
        }
        func expectDocument(_ reference: Located<String>, _ role: String) {
            guard index.document(reference: reference.value) == nil else { return }
            let value = reference.value
            if allReferences.contains(value) {
                diagnostics.append(.error(.unknownReference, "unknown document '\(value)' as \(role) (it is a draft, \(draftReason))", at: reference.location))
                return
            }
            var hint = suggestions.didYouMean(value, in: plans)
            if !value.contains("/"), let match = plans.first(where: { $0.hasSuffix("/" + value) }) { hint = " (write it as '\(match)')" }
            diagnostics.append(.error(.unknownReference, "unknown document '\(value)' as \(role)\(hint); documents are written as plans/ID or frameworks/ID", at: reference.location))
        }

        for document in index.documents {
            switch document.details {
            case .partnership(let partnership):
                expect(partnership.parent, .partnership, "parent")
                expect(partnership.chair, .contact, "chair")
                partnership.contacts.forEach { expect($0, .contact, "a contact") }
                partnership.priorities.forEach { expectPriority($0, "a priority it works on") }
                partnership.measures.forEach { expect($0, .measure, "a measure it tracks") }
                partnership.documents.forEach { expectDocument($0, "one of its documents") }
            case .plan(let plan):
                expect(plan.owner, .partnership, "owner")
                expect(plan.supersededBy, .plan, "superseded_by")
                for priority in plan.priorities {
                    if let parent = priority.parent { expectPriority(parent, "the parent of '\(priority.id.value)'") }
                    priority.measures.forEach { expect($0, .measure, "a measure of '\(priority.id.value)'") }
                }
            case .framework(let framework):
                expect(framework.owner, .partnership, "owner")
                framework.priorities.forEach { expectPriority($0, "a priority it serves") }
                framework.measures.forEach { expect($0, .measure, "a measure it uses") }
            case .measure, .contact, .page:
                break
            }
            if let outcome = document.outcomeDocument {
                expectDocument(outcome, "the consultation's outcome document")
            }
        }
        diagnostics += duplicatePriorities(index)
        diagnostics += cycles(index)
        return diagnostics
    }

    /// A priority id defined twice, anywhere in the site.
    private static func duplicatePriorities(_ index: SiteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in index.documents(of: .plan) {
            guard case .plan(let plan) = document.details else { continue }
            for priority in plan.priorities {
                let first = index.priorities[priority.id.value]!
                if first.id.location != priority.id.location {
                    diagnostics.append(.error(.duplicateID, "priority '\(priority.id.value)' is already defined at \(first.id.location.description); priority ids must be unique across the whole site", at: priority.id.location))
                }
            }
        }
        return diagnostics
    }

    /// Priorities whose parents, or partnerships whose parents, lead back to themselves.
    private static func cycles(_ index: SiteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let priorityParent = { (id: String) -> String? in
            index.priorities[id]?.parent.map(\.value).flatMap { index.priorities[$0] == nil ? nil : $0 }
        }
        let onPriorityCycle = cycleMembers(index.priorityOrder, parent: priorityParent)
        for id in index.priorityOrder where onPriorityCycle.contains(id) {
            let path = cycle(from: id, parent: priorityParent)
            diagnostics.append(.error(.priorityCycle, "priority '\(id)' is its own ancestor: \(path.joined(separator: " -> ")); a priority's parent must be a priority above it", at: index.priorities[id]!.parent!.location))
        }
        // Each priority's page lists all its ancestors, so a chain of 10,000 would write 10,000
        // pages of 10,000 links each; the tree on the priorities page stops at this depth anyway.
        let depths = depths(index.priorityOrder, parent: priorityParent, skipping: onPriorityCycle)
        for id in index.priorityOrder where depths[id] == maximumPriorityDepth + 1 {
            let priority = index.priorities[id]!
            diagnostics.append(.error(.invalidValue, "priority '\(id)' is nested \(maximumPriorityDepth + 1) levels deep under '\(priority.parent!.value)'; priorities may be nested at most \(maximumPriorityDepth) levels deep", at: priority.parent!.location))
        }
        let partnerships = index.documents(of: .partnership)
        let partnershipParent = { (id: String) -> String? in
            guard case .partnership(let details) = index.document(.partnership, id)?.details, let parent = details.parent?.value,
                  case .partnership = index.document(.partnership, parent)?.details else { return nil }
            return parent
        }
        let onPartnershipCycle = cycleMembers(partnerships.map(\.id), parent: partnershipParent)
        for document in partnerships where onPartnershipCycle.contains(document.id) {
            guard case .partnership(let details) = document.details, let start = details.parent else { continue }
            let path = cycle(from: document.id, parent: partnershipParent)
            diagnostics.append(.error(.partnershipCycle, "partnership '\(document.id)' is its own parent: \(path.joined(separator: " -> "))", at: start.location))
        }
        return diagnostics
    }

    /// The nodes on cycles, where each node has at most one parent, in time linear in the
    /// number of nodes: a chain of 100,000 priorities is walked once, not once per priority.
    static func cycleMembers(_ nodes: [String], parent: (String) -> String?) -> Set<String> {
        var finished: Set<String> = []
        var members: Set<String> = []
        for start in nodes where !finished.contains(start) {
            var walk: [String] = []
            var position: [String: Int] = [:]
            var current: String? = start
            while let node = current, !finished.contains(node), position[node] == nil {
                position[node] = walk.count
                walk.append(node)
                current = parent(node)
            }
            if let node = current, let at = position[node] { members.formUnion(walk[at...]) }
            finished.formUnion(walk)
        }
        return members
    }

    /// How many levels of parents a priority may have.
    static let maximumPriorityDepth = 32

    /// How many ancestors each node has (0 for a root), for nodes not on or under a cycle, in
    /// linear time: each node's depth is its parent's plus one, worked out once.
    static func depths(_ nodes: [String], parent: (String) -> String?, skipping cycles: Set<String>) -> [String: Int] {
        var depths: [String: Int] = [:]
        var underCycle = cycles
        for start in nodes where depths[start] == nil && !underCycle.contains(start) {
            var walk: [String] = []
            var current: String? = start
            var base: Int? = -1
            while let node = current {
                if let known = depths[node] { base = known; break }
                if underCycle.contains(node) || walk.count > nodes.count { base = nil; break }
                walk.append(node)
                current = parent(node)
            }
            guard let base else {
                underCycle.formUnion(walk)
                continue
            }
            for (offset, node) in walk.reversed().enumerated() { depths[node] = base + 1 + offset }
        }
        return depths
    }

    /// `id`, its parent, its parent's parent ... back to `id`, for a node on a cycle; a cycle of
    /// more than ten shows its first ten and "…", so 2,000 priorities in a ring give 2,000 short
    /// messages, not 2,000 lists of 2,000.
    private static func cycle(from id: String, parent: (String) -> String?) -> [String] {
        var path = [id]
        var current = parent(id)
        while let node = current, node != id {
            if path.count == 10 { return path + ["…", id] }
            path.append(node)
            current = parent(node)
        }
        return path + [id]
    }
}
