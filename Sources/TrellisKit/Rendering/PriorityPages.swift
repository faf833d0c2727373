/// The priorities index (grouped by plan, local priorities under the ones they serve) and each priority's page.
struct PriorityPages {
    let site: SiteContext

    /// `/priorities/`: a tree per plan.
    func index() -> TemplateFields {
        let from = "priorities/"
        let plans = site.index.documents(of: .plan).compactMap { document -> TemplateFields? in
            guard case .plan(let plan) = document.details, !plan.priorities.isEmpty else { return nil }
            let ids = Set(plan.priorities.map(\.id.value))
            // Roots: priorities with no parent, or whose parent is in another plan.
            let roots = plan.priorities.filter { $0.parent == nil || !ids.contains($0.parent!.value) }
            return ["plan": .object(site.link(document, from: from)), "priorities": TemplateValue(roots.map { node($0.id.value, from: from, within: ids, depth: 0) })]
        }
        return ["title": "Priorities", "plans": TemplateValue(plans)]
    }

    /// One priority of the tree with its children inside the same plan.
    private func node(_ id: String, from: String, within ids: Set<String>, depth: Int) -> TemplateFields {
        var view = site.priorityLink(id, from: from) ?? [:]
        let relations = site.relations
        view["partnerships"] = TemplateValue(site.links(.partnership, relations.partnershipsByPriority[id] ?? [], from: from))
        view["measures"] = TemplateValue((site.index.priorities[id]?.measures ?? []).compactMap { site.measureRow($0.value, from: from) })
        if let parent = site.index.priorities[id]?.parent?.value, !ids.contains(parent) {
            view["parent"] = site.priorityLink(parent, from: from).map(TemplateValue.object)
        }
        // Depth is bounded: cycles are reported as errors before pages are rendered.
        let children = depth < 32 ? (relations.childPriorities[id] ?? []).filter { ids.contains($0) } : []
        view["children"] = TemplateValue(children.map { node($0, from: from, within: ids, depth: depth + 1) })
        view["hasChildren"] = .bool(!children.isEmpty)
        return view
    }

    /// `/priorities/ID/`: the plan that sets it, where it sits, who works on it, its measures.
    func page(_ id: String) -> TemplateFields {
        let from = "priorities/\(id)/"
        guard let priority = site.index.priorities[id] else { return [:] }
        let relations = site.relations
        var context: TemplateFields = ["title": TemplateValue(priority.title), "id": TemplateValue(id)]
        if let label = priority.label { context["label"] = TemplateValue(label) }
        if let plan = site.index.document(.plan, priority.plan) { context["plan"] = .object(site.link(plan, from: from)) }
        context["ancestors"] = TemplateValue(Relations.ancestors(of: id, in: site.index).reversed().compactMap { site.priorityLink($0.id.value, from: from) })
        context["children"] = TemplateValue((relations.childPriorities[id] ?? []).compactMap { site.priorityLink($0, from: from) })
        context["partnerships"] = TemplateValue(site.links(.partnership, relations.partnershipsByPriority[id] ?? [], from: from))
        context["frameworks"] = TemplateValue(site.links(.framework, relations.frameworksByPriority[id] ?? [], from: from))
        context["measures"] = TemplateValue(priority.measures.compactMap { site.measureRow($0.value, from: from) })
        return context
    }
}
