/// Checks that every id written in front matter names something that exists.
enum ReferenceChecker {
    /// Every unresolved reference, duplicate priority and cycle, as errors with "did you mean".
    static func check(_ index: SiteIndex, allDocuments: [Document]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let draftReason = "left out of this build; build with --drafts or remove 'draft: true'"
        func expect(_ reference: Located<String>?, _ kind: DocumentKind, _ role: String) {
            guard let reference, index.document(kind, reference.value) == nil else { return }
            let hidden = allDocuments.contains { $0.kind == kind && $0.id == reference.value }
            let reason = hidden ? " (it is a draft, \(draftReason))" : Suggestion.didYouMean(reference.value, in: index.ids(of: kind))
            diagnostics.append(.error(.unknownReference, "unknown \(kind.rawValue) '\(reference.value)' as \(role)\(reason)", at: reference.location))
        }
        func expectPriority(_ reference: Located<String>, _ role: String) {
            guard index.priorities[reference.value] == nil else { return }
            let hidden = allDocuments.contains { document in
                guard case .plan(let plan) = document.details else { return false }
                return plan.priorities.contains { $0.id.value == reference.value }
            }
            let reason = hidden ? " (it is in a draft plan, \(draftReason))" : "\(Suggestion.didYouMean(reference.value, in: index.priorityOrder)); priorities are defined in a plan's 'priorities:'"
            diagnostics.append(.error(.unknownReference, "unknown priority '\(reference.value)' as \(role)\(reason)", at: reference.location))
        }
        func expectDocument(_ reference: Located<String>, _ role: String) {
            guard index.document(reference: reference.value) == nil else { return }
            let value = reference.value
            if allDocuments.contains(where: { $0.reference == value }) {
                diagnostics.append(.error(.unknownReference, "unknown document '\(value)' as \(role) (it is a draft, \(draftReason))", at: reference.location))
                return
            }
            let plans = index.documents(of: .plan).map(\.reference) + index.documents(of: .framework).map(\.reference)
            var hint = Suggestion.didYouMean(value, in: plans)
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
        for id in index.priorityOrder {
            var seen: [String] = [id]
            var current = index.priorities[id]?.parent?.value
            while let next = current, index.priorities[next] != nil {
                if next == id {
                    let priority = index.priorities[id]!
                    diagnostics.append(.error(.priorityCycle, "priority '\(id)' is its own ancestor: \((seen + [id]).joined(separator: " -> ")); a priority's parent must be a priority above it", at: priority.parent!.location))
                    break
                }
                if seen.contains(next) { break }
                seen.append(next)
                current = index.priorities[next]?.parent?.value
            }
        }
        for document in index.documents(of: .partnership) {
            guard case .partnership(let first) = document.details, let start = first.parent else { continue }
            var seen: [String] = [document.id]
            var current: String? = start.value
            while let next = current, let parent = index.document(.partnership, next), case .partnership(let details) = parent.details {
                if next == document.id {
                    diagnostics.append(.error(.partnershipCycle, "partnership '\(document.id)' is its own parent: \((seen + [next]).joined(separator: " -> "))", at: start.location))
                    break
                }
                if seen.contains(next) { break }
                seen.append(next)
                current = details.parent?.value
            }
        }
        return diagnostics
    }
}
