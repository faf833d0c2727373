/// A partnership `type` as people read it: `local-childrens-partnership` is "Local children's partnership".
enum PartnershipType {
    /// The type in words, singular or plural.
    static func words(_ type: String, plural: Bool = false) -> String {
        guard !type.isEmpty else { return plural ? "Other partnerships" : "Partnership" }
        var words = type.split(separator: "-").map(String.init)
        words = words.map { word in
            switch word {
            case "childrens": "children's"
            case "peoples": "people's"
            case "nhs", "lcp", "lsp", "sen", "send": word.uppercased()
            default: word
            }
        }
        var text = words.joined(separator: " ")
        if plural { text += text.hasSuffix("s") ? "es" : "s" }
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
