import Foundation

/// `Content/site.yml`: the settings of the whole site.
public struct SiteSettings: Hashable, Sendable {
    public var title: String
    /// Absolute, ending in `/`: used for canonical links and the sitemap.
    public var baseURL: String
    public var language: String
    public var timeZone: String
    public var theme: String
    public var organisationName: String?
    public var organisationURL: String?
    public var licence: String?
    public var notices: [Notice]
    public var unsafeHTML: Bool
    public var smartPunctuation: Bool
    /// The site's repository on its git host, for "Edit this page" links (see `EditLink`).
    public var repository: String?
    /// The facts of the generated accessibility statement, when site.yml gives them.
    public var accessibility: AccessibilitySettings?

    /// A site-wide notice shown only inside its window.
    public struct Notice: Hashable, Sendable {
        public var message: String
        public var from: Located<WrittenTime>?
        public var until: Located<WrittenTime>?
    }

    /// Settings used when site.yml cannot be read, so the rest can still be checked.
    static let fallback = SiteSettings(title: "Site", baseURL: "https://www.example.org/", language: "en-GB", timeZone: "Europe/London", theme: "default", notices: [], unsafeHTML: false, smartPunctuation: false)
}

/// Reads `Content/site.yml`.
enum SiteSettingsDecoder {
    static let path = "Content/site.yml"
    static let keys = ["title", "base_url", "language", "timezone", "theme", "organisation", "licence", "banners", "unsafe_html", "smart_punctuation", "repository", "accessibility"]

    /// The settings (fallback ones when unreadable) and their diagnostics.
    static func decode(_ text: String) -> (SiteSettings, [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let reader = YAMLDocument.reader(yaml: text, firstLine: 1, file: path, sink: sink) else {
            return (.fallback, sink.diagnostics)
        }
        var settings = SiteSettings.fallback
        settings.title = reader.string("title", required: true, what: "the site's name")?.value ?? settings.title
        if let base = reader.string("base_url", required: true, what: "the site's address, like https://www.example.org/trust/") {
            if let url = URL(string: base.value), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil {
                settings.baseURL = base.value.hasSuffix("/") ? base.value : base.value + "/"
            } else {
                sink.add(.error(.invalidValue, "'base_url' must be an absolute address like https://www.example.org/trust/, not '\(base.value)'", at: base.location))
            }
        }
        settings.language = reader.string("language")?.value ?? settings.language
        if let zone = reader.string("timezone") {
            if TimeZone(identifier: zone.value) != nil {
                settings.timeZone = zone.value
            } else {
                sink.add(.error(.invalidValue, "'\(zone.value)' is not a time zone; write a name like Europe/London", at: zone.location))
            }
        }
        settings.theme = reader.string("theme")?.value ?? settings.theme
        if let organisation = reader.mapping("organisation", what: "{ name: ..., url: ... }") {
            settings.organisationName = organisation.string("name")?.value
            settings.organisationURL = organisation.webAddress("url")?.value
            organisation.warnUnknownKeys(known: ["name", "url"], context: "in organisation")
        }
        settings.licence = reader.string("licence")?.value
        settings.unsafeHTML = reader.bool("unsafe_html") ?? false
        settings.accessibility = reader.mapping("accessibility", what: "the accessibility statement's facts: { email, telephone, compliance, prepared ... }").map(AccessibilitySettings.read)
        settings.smartPunctuation = reader.bool("smart_punctuation") ?? false
        if let repository = reader.string("repository", what: "the address of the site's repository, like https://github.com/trust/site") {
            if let url = URL(string: repository.value.replacingOccurrences(of: "{path}", with: "path")), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil {
                settings.repository = repository.value
            } else {
                sink.add(.error(.invalidValue, "'repository' must be an address like https://github.com/trust/site, not '\(repository.value)'", at: repository.location))
            }
        }
        settings.notices = reader.list("banners", what: "notices ({ message, from, until })").compactMap { node in
            guard let item = reader.reader(for: node, key: "banners", what: "a notice with a message, from and until") else { return nil }
            defer { item.warnUnknownKeys(known: ["message", "from", "until"], context: "in a banner") }
            guard let message = item.string("message", required: true, what: "the notice's text") else { return nil }
            return SiteSettings.Notice(message: message.value, from: item.time("from"), until: item.time("until"))
        }
        reader.warnUnknownKeys(known: keys, context: "in site.yml")
        return (settings, sink.diagnostics)
    }
}
