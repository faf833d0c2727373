/// Every kind of problem Trellis reports; docs/diagnostics.md lists each with an example and its fix.
public enum DiagnosticCode: String, Hashable, Sendable, CaseIterable {
    // Files and folders
    case unreadableFile = "unreadable-file"
    case gitHistory = "git-history"
    case notUTF8 = "not-utf8"
    case badFileName = "bad-file-name"
    case duplicateID = "duplicate-id"
    case unexpectedFile = "unexpected-file"
    case missingSiteFile = "missing-site-file"
    // Front matter
    case missingFrontMatter = "missing-front-matter"
    case malformedYAML = "malformed-yaml"
    case missingKey = "missing-key"
    case unknownKey = "unknown-key"
    case wrongType = "wrong-type"
    case invalidValue = "invalid-value"
    case invalidDate = "invalid-date"
    // References
    case unknownReference = "unknown-reference"
    case unknownFragment = "unknown-fragment"
    case priorityCycle = "priority-cycle"
    case partnershipCycle = "partnership-cycle"
    case unsafeLink = "unsafe-link"
    case missingAsset = "missing-asset"
    // Markdown
    case pipeTable = "pipe-table"
    case tableBlock = "table-block"
    case bodyHeading = "body-heading"
    // Consultations
    case consultationDates = "consultation-dates"
    case outcomeOverdue = "outcome-overdue"
    // Themes and output
    case template = "template"
    case output = "output"
}
