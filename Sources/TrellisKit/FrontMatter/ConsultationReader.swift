/// Reads a `consultation:` block (SPEC section 5) and checks its dates against each other.
enum ConsultationReader {
    static let keys = ["opens", "closes", "respond", "held_elsewhere", "outcome", "extensions"]

    /// The consultation, read on the site's clock (nil when its dates cannot be read), and its outcome's document as written.
    static func read(_ block: FieldReader, clock: SiteClock, at location: SourceLocation) -> (consultation: Located<Consultation>?, outcomeDocument: Located<String>?) {
        defer { block.warnUnknownKeys(known: keys, context: "in a consultation") }
        let opens = block.time("opens", required: true)
        let closes = block.time("closes", required: true)
        var respond: Consultation.Respond?
        if let reader = block.mapping("respond", what: "ways to respond: { url, email, address }") {
            respond = Consultation.Respond(url: reader.webAddress("url")?.value, email: reader.string("email")?.value, address: reader.string("address")?.value)
            reader.warnUnknownKeys(known: ["url", "email", "address"], context: "in respond")
        }
        let heldElsewhere = block.webAddress("held_elsewhere", what: "the address of the site that holds the consultation")?.value
        var published: Located<WrittenTime>?
        var outcome: (summary: String?, url: String?, document: Located<String>?)?
        if let reader = block.mapping("outcome", what: "the outcome: { published, summary, url, document }") {
            published = reader.time("published", required: true)
            outcome = (reader.string("summary")?.value, reader.webAddress("url")?.value, reader.string("document", what: "a document like frameworks/ID"))
            reader.warnUnknownKeys(known: ["published", "summary", "url", "document"], context: "in an outcome")
        }
        var extensions: [(previousCloses: WrittenTime, reason: String?)] = []
        var extensionPlaces: [SourceLocation?] = []
        for node in block.list("extensions", what: "extensions ({ previous_closes, reason })") {
            guard let item = block.reader(for: node, key: "extensions", what: "an extension: { previous_closes, reason }") else { continue }
            defer { item.warnUnknownKeys(known: ["previous_closes", "reason"], context: "in an extension") }
            guard let previous = item.time("previous_closes", required: true) else { continue }
            extensions.append((previous.value, item.string("reason")?.value))
            extensionPlaces.append(previous.location)
        }
        guard let opens, let closes else { return (nil, outcome?.document) }
        let consultation = Consultation(
            opens: opens.value, closes: closes.value, respond: respond, heldElsewhere: heldElsewhere,
            outcomePublished: published?.value, outcomeSummary: outcome?.summary, outcomeURL: outcome?.url,
            outcomeDocument: outcome?.document?.value, extensions: extensions, clock: clock)
        block.sink.add(contentsOf: consultation.validate(clock: clock, closesAt: closes.location, outcomePublishedAt: published?.location, previousClosesAt: extensionPlaces))
        return (Located(consultation, at: location), outcome?.document)
    }
}
