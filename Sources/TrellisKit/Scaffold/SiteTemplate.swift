/// The site `trellis init DIR` writes: settings, and one file of each kind that refer to each
/// other as a real site's do, so it builds and passes `trellis check` at once.
enum SiteTemplate {
    /// Paths relative to the new site folder, and their text.
    static let files: [(String, String)] = [
        ("Content/site.yml", siteSettings),
        ("Content/partnerships/childrens-trust-board.md", partnership),
        ("Content/plans/cypp.md", plan),
        ("Content/frameworks/performance-management.md", framework),
        ("Content/measures/neet-16-18.md", measure),
        ("Content/contacts/trust-board-chair.md", contact),
        ("Content/pages/accessibility.md", accessibility),
    ]

    static let siteSettings = """
        # The settings of the whole site. Lines starting with '#' are notes and are never published.
        title: Our Children's Trust              # the site's name, on every page
        base_url: https://www.example.org/trust/ # where the site will be published: change it before publishing
        language: en-GB
        timezone: Europe/London                  # every date in Content/ is read in this time zone
        theme: default                           # the theme built into Trellis, or the name of a folder in Themes/
        organisation: { name: Our County Council, url: https://www.example.org/ }
        licence: Open Government Licence v3.0
        # repository: https://github.com/our-trust/site   # gives every document an "Edit this page" link
        banners: []                              # notices shown on every page between two dates, one per line instead of [], e.g.
        #   - message: "Planned maintenance: this site may be unavailable on 6 January."
        #     from: 2027-01-04
        #     until: 2027-01-06

        """

    static let partnership = """
        ---
        # Lines starting with '#' are notes for editors and are never published.
        # trellis new partnership ID writes a new partnership with every setting explained.
        title: Children's Trust Board
        summary: The board that brings together the council, health, schools, police and the voluntary sector for children.
        status: established
        type: board
        area: The whole county
        established: 2026-04-01
        chair: trust-board-chair
        contacts: [trust-board-chair]
        meets: every two months
        members:
          - { name: Our County Council, sector: local-authority, role: Lead }
          - { name: Our Integrated Care Board, sector: health }
          - { name: Our Police, sector: police }
          - Our Council for Voluntary Service
        priorities: [cyp-1]
        measures: [neet-16-18]
        documents: [plans/cypp, frameworks/performance-management]
        risks:
          - { title: Partners' budgets fall, mitigation: Joint commissioning of the services that matter most }
        ---

        The board agrees the [Children and Young People's Plan](../plans/cypp.md) and checks progress
        against it with the [Performance Management Framework](../frameworks/performance-management.md).

        ## What the board has done

        Write the board's work here, in Markdown.

        """

    static let plan = """
        ---
        # trellis new plan ID writes a new plan with every setting explained.
        title: Children and Young People's Plan 2026 to 2029
        summary: What the trust's partners will do together for children, young people and families.
        status: adopted
        period: { from: 2026-04-01, to: 2029-03-31 }
        owner: childrens-trust-board
        priorities:
          - id: cyp-1
            label: Priority 1
            title: More young people in education, employment or training
            measures: [neet-16-18]
        ---

        The plan sets the trust's priorities. Each priority lists the measures that show progress,
        such as [young people not in education, employment or training](measure:neet-16-18).

        """

    static let framework = """
        ---
        # trellis new framework ID writes a new framework with every setting explained.
        title: Performance Management Framework
        summary: How the trust checks progress against its plan.
        status: adopted
        owner: childrens-trust-board
        adopted: 2026-04-01
        review: 2027-03-31
        priorities: [cyp-1]
        measures: [neet-16-18]
        ---

        Every quarter, the [board](../partnerships/childrens-trust-board.md) looks at the latest value
        of each measure against its target.

        """

    static let measure = """
        ---
        # trellis new measure ID writes a new measure with every setting explained.
        title: 16 to 18 year olds not in education, employment or training
        summary: The share of 16 to 18 year olds not in education, employment or training (NEET).
        status: current
        code: NI 117
        definition: 16 to 18 year olds not in education, employment or training, as a percentage of all 16 to 18 year olds known to the council.
        source: The council's records of young people's activity
        unit: percent
        polarity: lower-is-better
        baseline: { period: 2025-26, value: 6.0 }
        targets:
          - { period: 2026-27, value: 5.5 }
        actuals: []                # add each year's value when it is published, e.g. - { period: 2026-27, value: 5.7 }
        ---

        Fewer young people outside education, employment or training means more of them on the way
        to good jobs. Example figures: replace them with your own.

        """

    static let contact = """
        ---
        # Everything in a contact file is published.
        # trellis new contact ID writes a new contact with every setting explained.
        name: Chair of the Children's Trust Board
        role: Chair
        organisation: Our County Council
        email: trust.board@example.org
        ---

        """

    static let accessibility = """
        ---
        title: Accessibility statement
        summary: How accessible this website is, and how to tell us about a problem.
        ---

        This statement applies to this website, published by the Children's Trust.

        ## How accessible this website is

        This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at AA
        standard. It works without JavaScript, and with screen readers, keyboards and zoom.

        ## Reporting problems with this website

        If you find a problem, or need information in a different format, email
        [trust.board@example.org](mailto:trust.board@example.org) or see the
        [Chair of the Children's Trust Board](contact:trust-board-chair).

        ## Enforcement procedure

        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector
        Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not
        happy with how we respond to your complaint, contact the
        [Equality Advisory and Support Service](https://www.equalityadvisoryservice.com/).

        ## Preparation of this statement

        Write here when this statement was prepared and how the website was tested.

        """
}
