/// The priorities index (grouped by plan, local priorities under the ones they serve) and each priority's page.
struct PriorityPages {
    let site: SiteContext

    /// `/priorities/`: a tree per plan.
    func index() -> [String: Any] {
        let from = "priorities/"
        let plans = site.index.documents(of: .plan).compactMap { document -> [String: Any]? in
            guard case .plan(let plan) = document.details, !plan.priorities.isEmpty else { return nil }
            let ids = Set(plan.priorities.map(\.id.value))
            // Roots: priorities with no parent, or whose parent is in another plan.
            let roots = plan.priorities.filter { $0.parent == nil || !ids.contains($0.parent!.value) }
            return ["plan": site.link(document, from: from), "priorities": roots.map { node($0.id.value, from: from, within: ids, depth: 0) }]
        }
        return ["title": "Priorities", "plans": plans]
    }

    /// One priority of the tree with its children inside the same plan.
    private func node(_ id: String, from: String, within ids: Set<String>, depth: Int) -> [String: Any] {
        var view = site.priorityLink(id, from: from) ?? [:]
        let relations = site.relations
        view["partnerships"] = site.links(.partnership, relations.partnershipsByPriority[id] ?? [], from: from)
        view["measures"] = (site.index.priorities[id]?.measures ?? []).compactMap { site.measureRow($0.value, from: from) }
        if let parent = site.index.priorities[id]?.parent?.value, !ids.contains(parent) {
            view["parent"] = site.priorityLink(parent, from: from)
        }
        // Depth is bounded: cycles are reported as errors before pages are rendered.
        let children = depth < 32 ? (relations.childPriorities[id] ?? []).filter { ids.contains($0) } : []
        view["children"] = children.map { node($0, from: from, within: ids, depth: depth + 1) }
        view["hasChildren"] = !children.isEmpty
        return view
    }

    /// `/priorities/ID/`: the plan that sets it, where it sits, who works on it, its measures.
    func page(_ id: String) -> [String: Any] {
        let from = "priorities/\(id)/"
        guard let priority = site.index.priorities[id] else { return [:] }
        let relations = site.relations
        var context: [String: Any] = ["title": priority.title, "id": id]
        if let label = priority.label { context["label"] = label }
        if let plan = site.index.document(.plan, priority.plan) { context["plan"] = site.link(plan, from: from) }
        context["ancestors"] = Relations.ancestors(of: id, in: site.index).reversed().compactMap { site.priorityLink($0.id.value, from: from) }
        context["children"] = (relations.childPriorities[id] ?? []).compactMap { site.priorityLink($0, from: from) }
        context["partnerships"] = site.links(.partnership, relations.partnershipsByPriority[id] ?? [], from: from)
        context["frameworks"] = site.links(.framework, relations.frameworksByPriority[id] ?? [], from: from)
        context["measures"] = priority.measures.compactMap { site.measureRow($0.value, from: from) }
        return context
    }
}
