/// The accessibility statement at /accessibility/, in the wording of GOV.UK's model statement,
/// filled in from site.yml: the editor's `pages/accessibility.md` adds what is particular to the site.
struct AccessibilityStatement {
    let site: SiteContext

    /// The ids of the generated headings, so links to them can be checked.
    static let anchors = ["feedback-and-contact-information", "reporting-accessibility-problems-with-this-website",
                          "enforcement-procedure", "technical-information-about-this-websites-accessibility",
                          "compliance-status", "non-accessible-content", "preparation-of-this-accessibility-statement"]

    /// Whether `document`'s page is the generated statement.
    static func applies(to document: Document, settings: SiteSettings) -> Bool {
        document.kind == .page && document.id == "accessibility" && settings.accessibility != nil
    }

    /// The statement's part of the page's view data.
    func context() -> TemplateFields? {
        let settings = site.index.settings
        guard let facts = settings.accessibility else { return nil }
        let organisation = settings.organisationName ?? settings.title
        var context: TemplateFields = [
            "siteTitle": TemplateValue(settings.title), "siteURL": TemplateValue(settings.baseURL), "organisation": TemplateValue(organisation),
            "email": TemplateValue(facts.email ?? ""), "telephone": TemplateValue(facts.telephone ?? ""), "telephoneHours": TemplateValue(facts.telephoneHours ?? ""),
            "responseTime": TemplateValue(facts.responseTime), "testedBy": TemplateValue(facts.testedBy ?? organisation),
            "issues": TemplateValue(facts.issues.map { ["text": TemplateValue($0)] }),
        ]
        switch facts.compliance {
        case "full": context["compliance"] = "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."
        case "partial": context["compliance"] = "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below."
        default: context["compliance"] = "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The non-compliances are listed below."
        }
        context["hasIssues"] = .bool(facts.compliance != "full")
        if let prepared = facts.prepared { context["preparedHTML"] = TemplateValue(site.timeHTML(site.clock.start(of: prepared))) }
        if let reviewed = facts.reviewed { context["reviewedHTML"] = TemplateValue(site.timeHTML(site.clock.start(of: reviewed))) }
        if let tested = facts.tested { context["testedHTML"] = TemplateValue(site.timeHTML(site.clock.start(of: tested))) }
        return context
    }
}
