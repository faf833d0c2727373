/// A small but complete site: every kind of file, connected every way, in a handful of lines.
enum SmallSite {
    static let files: [String: String] = [
        "Content/site.yml": """
        title: Test Trust
        base_url: https://www.example.org/trust/
        organisation: { name: Test County Council, url: https://www.example.org/ }
        """,
        "Content/partnerships/board.md": """
        ---
        title: Children's Trust Board
        summary: The board that leads the trust.
        type: board
        area: Hampshire
        status: established
        chair: chair
        contacts: [manager]
        members:
          - { name: Test County Council, sector: local-government, role: Lead }
          - Test Police
        priorities: [cyp-1]
        measures: [ni-117]
        documents: [plans/cypp]
        risks:
          - { title: Funding ends in 2012, mitigation: Seek new grants }
        ---
        The board meets quarterly.

        ## Progress

        See the [Gosport partnership](gosport.md) and its [priority](priority:lcp-poverty).
        """,
        "Content/partnerships/gosport.md": """
        ---
        title: Gosport Local Children's Partnership
        summary: Partners in Gosport.
        type: local-childrens-partnership
        area: Gosport
        parent: board
        contacts: [manager]
        priorities: [lcp-poverty]
        measures: [ni-102a]
        ---
        Back to [the board](board.md#progress).
        """,
        "Content/plans/cypp.md": """
        ---
        title: Children and Young People's Plan 2009 to 2012
        summary: The plan.
        owner: board
        status: adopted
        period: { from: 2009-04-01, to: 2012-03-31 }
        priorities:
          - id: cyp-1
            label: CYP priority 1
            title: Reducing poverty
            measures: [ni-117, ni-102a]
          - id: cyp-2
            label: CYP priority 2
            title: Improving health
          - id: lcp-poverty
            label: LCP priority
            parent: cyp-1
            title: Fewer children in poverty in Gosport
            measures: [ni-9]
        ---
        """,
        "Content/frameworks/pmf.md": """
        ---
        title: Performance Management Framework
        summary: How we manage performance.
        owner: board
        status: adopted
        priorities: [cyp-2]
        measures: [ni-10]
        ---
        """,
        "Content/measures/ni-117.md": measure("NI 117", "Young people not in education, employment or training", polarity: "lower-is-better", actual: 6.5, target: 6.0),
        "Content/measures/ni-102a.md": measure("NI 102a", "Attainment gap at key stage 2", polarity: "lower-is-better", actual: 20, target: 21),
        "Content/measures/ni-102b.md": measure("NI 102b", "Attainment gap at key stage 4", polarity: "lower-is-better", actual: 30, target: 29),
        "Content/measures/ni-112.md": measure("NI 112", "Under-18 conceptions", polarity: "lower-is-better", actual: 40, target: 30),
        "Content/measures/ni-9.md": measure("NI 9", "Use of public libraries", polarity: "higher-is-better", actual: 50, target: 49),
        "Content/measures/ni-10.md": measure("NI 10", "Visits to museums", polarity: "higher-is-better", actual: 20, target: 21),
        "Content/contacts/chair.md": "---\nname: Zoe Chair\nrole: Chair of the board\nemail: chair@example.org\n---\n",
        "Content/contacts/manager.md": "---\nname: Alex Manager\nrole: Partnership Manager\n---\n",
        "Content/contacts/officer.md": "---\nname: bea Officer\nrole: Performance officer\n---\n",
        "Content/pages/about.md": "---\ntitle: About the trust\n---\nWho we are.\n",
        "Content/pages/accessibility.md": "---\ntitle: Accessibility statement\n---\nWe aim for WCAG 2.2 AA.\n",
    ]

    /// A measure file with one actual and one target for 2009-10.
    static func measure(_ code: String, _ title: String, polarity: String, actual: Double, target: Double) -> String {
        """
        ---
        title: \(title)
        code: \(code)
        polarity: \(polarity)
        unit: percent
        definition: How many.
        actuals:
          - { period: 2008-09, value: \(actual + 1) }
          - { period: 2009-10, value: \(actual) }
        targets:
          - { period: 2009-10, value: \(target) }
        ---
        """
    }
}
