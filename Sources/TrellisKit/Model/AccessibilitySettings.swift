/// site.yml's `accessibility:` block: the facts the accessibility statement's model wording
/// needs, so the statement at /accessibility/ is generated in GOV.UK's required form.
public struct AccessibilitySettings: Hashable, Sendable {
    public var email: String?
    public var telephone: String?
    public var telephoneHours: String?
    /// How long a request for another format takes: "5 working days".
    public var responseTime: String
    /// `full`, `partial` or `none`.
    public var compliance: String
    /// For partial or no compliance: what is not accessible.
    public var issues: [String]
    public var prepared: WrittenTime?
    public var reviewed: WrittenTime?
    public var tested: WrittenTime?
    public var testedBy: String?

    static let keys = ["email", "telephone", "telephone_hours", "response_time", "compliance", "issues", "prepared", "reviewed", "tested", "tested_by"]

    /// Reads the block, reporting problems at their keys.
    static func read(_ reader: FieldReader) -> AccessibilitySettings {
        defer { reader.warnUnknownKeys(known: keys, context: "in accessibility") }
        let issues = reader.list("issues", what: "sentences saying what is not accessible").compactMap { reader.text(of: $0, key: "issues")?.value }
        return AccessibilitySettings(
            email: reader.string("email")?.value, telephone: reader.string("telephone")?.value,
            telephoneHours: reader.string("telephone_hours")?.value,
            responseTime: reader.string("response_time")?.value ?? "5 working days",
            compliance: reader.choice("compliance", from: ["full", "partial", "none"], required: true)?.value ?? "full",
            issues: issues,
            prepared: reader.time("prepared", required: true, dateOnly: true)?.value,
            reviewed: reader.time("reviewed", dateOnly: true)?.value,
            tested: reader.time("tested", dateOnly: true)?.value,
            testedBy: reader.string("tested_by")?.value)
    }
}
