/// The file `trellis new KIND ID` writes: every setting of the kind, each with a note on what to
/// write. Settings left empty are left out of the page, and lists of ids start empty (with an
/// example in the note), so the file builds as it is in any site.
enum DocumentTemplate {
    /// The text of a new document of `kind` called `id`.
    static func text(_ kind: DocumentKind, id: String) -> String {
        let title = id.split(separator: "-").joined(separator: " ").capitalizedFirst
        return "---\n" + header(kind) + settings(kind, title: title) + common + "---\n" + body(kind)
    }

    private static func header(_ kind: DocumentKind) -> String {
        let what = switch kind {
        case .partnership: "A partnership: a board, a local children's partnership or a group."
        case .plan: "A plan, such as the Children and Young People's Plan, and the priorities it sets."
        case .framework: "A framework or strategy document."
        case .measure: "A performance measure: its baseline, targets and actual values."
        case .contact: "A contact: a person or a role mailbox. Everything in this file is published."
        case .page: "A free page, such as an about page or a privacy notice."
        }
        return """
        # \(what)
        # Lines starting with '#' are notes for editors and are never published.
        # Settings left empty are left out of the page: fill in what you know.
        # Below the second '---' line, write the page in Markdown. Link to other files as they are
        # in Content/, like [Gosport](../partnerships/gosport.md), or like [NEET](measure:neet-16-18).

        """
    }

    private static func settings(_ kind: DocumentKind, title: String) -> String {
        switch kind {
        case .partnership:
            return """
            title: \(title)                    # required: the partnership's name as the public knows it
            summary:                          # one sentence, shown in lists and search results
            status: proposed                  # proposed, established, merged or closed
            type:                             # e.g. board, local-childrens-partnership, learning-partnership, partnership-group
            area:                             # the area it covers, e.g. Gosport
            parent:                           # the id of the partnership it reports to, e.g. childrens-trust-board
            established:                      # the date it was set up, e.g. 2009-04-01
            chair:                            # the id of its chair's contact file, e.g. gosport-lcp-chair
            contacts: []                      # ids of contact files, e.g. [partnership-manager-gosport]
            meets:                            # how often it meets, e.g. quarterly
            members: []                       # organisations on it, one per line instead of [], e.g.
            #   - { name: Gosport Borough Council, sector: local-authority, role: vice-chair }
            #   - Hampshire Constabulary
            priorities: []                    # ids of the priorities it works on, e.g. [cyp-1, lcp-poverty]
            measures: []                      # ids of the measures it tracks, e.g. [neet-16-18]
            documents: []                     # plans and frameworks it works to, e.g. [plans/cypp-2009-12, frameworks/early-help-strategy]
            risks: []                         # risks it watches, one per line instead of [], e.g.
            #   - { title: Funding ends in March, mitigation: A bid to the trust board by December }

            """
        case .plan:
            return """
            title: \(title)                    # required: the plan's name, e.g. Children and Young People's Plan 2009 to 2012
            summary:                          # one sentence, shown in lists and search results
            status: draft                     # draft, consultation, adopted or superseded
            period:                           # the years it covers, shown as "2009 to 2012", e.g.
            #   from: 2009-04-01
            #   to: 2012-03-31
            owner:                            # the id of the partnership that owns it, e.g. childrens-trust-board
            superseded_by:                    # the id of the plan that replaces it, once there is one
            priorities: []                    # the priorities it sets, one per line instead of []; ids are unique across the site, e.g.
            #   - id: cyp-1
            #     label: CYP priority 1
            #     title: Reducing the impact of poverty on children's life chances
            #     measures: [workless-households]
            #   - id: lcp-poverty
            #     label: LCP priority
            #     parent: cyp-1                # a local priority names the priority it serves
            #     title: Fewer children living in poverty

            """
        case .framework:
            return """
            title: \(title)                    # required: the document's name
            summary:                          # one sentence, shown in lists and search results
            status: draft                     # draft, consultation, adopted or superseded
            owner:                            # the id of the partnership that owns it, e.g. childrens-trust-board
            adopted:                          # the date it was adopted, e.g. 2010-04-01
            review:                           # the date of its next review, e.g. 2011-03-31
            priorities: []                    # ids of the priorities it serves, e.g. [cyp-1]
            measures: []                      # ids of the measures it uses, e.g. [neet-16-18]

            """
        case .measure:
            return """
            title: \(title)                    # required: what is measured, e.g. 16 to 18 year olds not in education, employment or training
            summary:                          # one sentence, shown in lists and search results
            status: current                   # current or retired
            code:                             # its code, if it has one, e.g. NI 117
            definition:                       # how it is worked out, in a sentence or two
            source:                           # where the numbers come from
            unit:                             # percent, count, rate per 1,000 ...
            polarity: higher-is-better        # higher-is-better or lower-is-better
            baseline:                         # the starting value, e.g. { period: 2008-09, value: 6.1 }
            targets: []                       # one per period instead of [], e.g.
            #   - { period: 2009-10, value: 5.8 }
            actuals: []                       # the values reached, one per period instead of [], e.g.
            #   - { period: 2009-10, value: 5.9 }

            """
        case .contact:
            return """
            name: \(title)                     # required: a person's name, or a role such as Partnership Manager
            summary:                          # one sentence, shown in the contacts list
            status:                           # a word or two shown with the name, if needed, e.g. Vacant
            role:                             # e.g. Partnership Manager
            organisation:                     # e.g. Hampshire County Council
            email:                            # a public address, e.g. partnerships@example.org
            telephone:                        # e.g. 01962 000000
            address:                          # a postal address, on one line

            """
        case .page:
            return """
            title: \(title)                    # required: the page's title
            summary:                          # one sentence, shown in search results
            status:                           # a word or two shown with the title, if needed, e.g. Under review

            """
        }
    }

    private static let common = """
        draft: false                      # true leaves this file out of the site until it is ready
        # updated: 2011-01-31             # "Last updated" is the date of this file's last git commit; write a date only to override it
        # consultation:                   # when this asks for views; remove the first '# ' of each line below
        #   opens: 2011-01-04             # a date, or a date and time like 2011-01-04T09:00
        #   closes: 2011-01-31
        #   respond: { email: consultation@example.org, url: https://www.example.org/survey }

        """

    private static func body(_ kind: DocumentKind) -> String {
        let what = switch kind {
        case .partnership: "what the partnership is for, what it has done and what comes next"
        case .plan: "what the plan sets out to do and how progress is checked"
        case .framework: "what the framework is for and how it is used"
        case .measure: "why this measure matters and what the numbers mean"
        case .contact: "what to contact them about"
        case .page: "the page"
        }
        return "\nWrite \(what) here, in Markdown. Use ## for headings: the title is the page's only # heading.\n"
    }
}
