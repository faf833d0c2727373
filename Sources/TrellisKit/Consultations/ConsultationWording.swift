import Foundation

/// A consultation's banner at an instant, in GOV.UK's words, as escaped HTML and as plain text.
///
/// Every date and time in the HTML sits in `<time datetime="...">` with its local offset.
public struct ConsultationWording: Hashable, Sendable {
    /// The state at `now`.
    public var state: ConsultationState
    /// The state in words: "Open consultation".
    public var label: String
    /// The main sentence: "This consultation closes at <time ...>11:59pm on 31 January 2011</time>".
    public var headlineHTML: String
    /// The main sentence without markup.
    public var headlineText: String
    /// "Closing today", "Closing tomorrow" or "20 days left" while open.
    public var countdownText: String?
    /// Further sentences, each ending in a full stop: extensions, and where a consultation is held elsewhere.
    public var detailHTML: [String]
    /// The further sentences without markup.
    public var detailText: [String]
    /// The whole banner as one paragraph of plain text, for iCalendar and JSON.
    public var plainText: String

    /// A banner from its parts (tests compare whole values with this).
    public init(state: ConsultationState, label: String, headlineHTML: String, headlineText: String,
                countdownText: String?, detailHTML: [String], detailText: [String], plainText: String) {
        self.state = state
        self.label = label
        self.headlineHTML = headlineHTML
        self.headlineText = headlineText
        self.countdownText = countdownText
        self.detailHTML = detailHTML
        self.detailText = detailText
        self.plainText = plainText
    }

    /// The banner for `consultation` at `now`, with times shown on `clock`.
    public init(consultation: Consultation, now: Date, clock: SiteClock) {
        let format = GOVUKFormat(clock: clock)
        let state = consultation.state(at: now)
        let headline = Self.headline(consultation, state, format)
        var details: [Sentence] = []
        if state == .open || state == .awaitingOutcome {
            details += consultation.extensions.map { Self.extensionSentence($0, format) }
        }
        if state != .concluded, let address = consultation.heldElsewhere {
            details.append(Self.heldElsewhereSentence(address))
        }
        self.state = state
        label = state.label
        headlineHTML = headline.html
        headlineText = headline.text
        countdownText = consultation.countdown(at: now, clock: clock)
        detailHTML = details.map(\.html)
        detailText = details.map(\.text)
        plainText = ([headline.text + ".", countdownText.map { $0 + "." }].compactMap { $0 } + detailText)
            .joined(separator: " ")
    }

    private static func headline(_ consultation: Consultation, _ state: ConsultationState, _ format: GOVUKFormat) -> Sentence {
        switch state {
        case .upcoming:
            let opensAtTime = showsTime(consultation, format)
            return [.text("This consultation opens \(opensAtTime ? "at" : "on") "), opening(consultation, format)]
        case .open:
            return [.text("This consultation closes at "), closing(consultation.closes, format)]
        case .awaitingOutcome:
            return [.text("We are analysing your feedback. This consultation ran from "), opening(consultation, format),
                    .text(" to "), closing(consultation.closes, format)]
        case .concluded:
            return [.text("This consultation has concluded")]
        }
    }

    private static func extensionSentence(_ change: Consultation.Extension, _ format: GOVUKFormat) -> Sentence {
        var sentence: Sentence = [.text("The closing date was extended from "), closing(change.previousCloses, format)]
        sentence.append(.text(reasonClause(change.reason ?? "")))
        sentence.append(.text("."))
        return sentence
    }

    /// Words that can follow "extended from <date>" directly ("so that ...", "by two weeks ...", "to give ...").
    private static let connectives: Set<String> = [
        "because", "so", "to", "by", "for", "until", "as", "after", "while", "since", "following", "due", "owing", "in",
        "at", "when",
    ]

    /// Ordinary words that start a reason with a capital only because they start a sentence ("Schools asked ...").
    private static let ordinaryFirstWords: Set<String> = [
        "the", "this", "these", "those", "a", "an", "more", "many", "most", "some", "several", "few", "all", "each",
        "every", "we", "our", "it", "its", "there", "they", "their", "parents", "carers", "schools", "families",
        "people", "partners", "children", "young", "responses", "requests", "respondents", "staff", "not", "too",
    ]

    /// The end of the extension sentence after its date: " because partners asked for more time",
    /// or, for a reason that already reads as a clause, " so that schools can respond" (a leading "Extended" is dropped).
    static func reasonClause(_ written: String) -> String {
        var reason = written.trimmingCharacters(in: .whitespacesAndNewlines)
        while reason.hasSuffix(".") { reason = String(reason.dropLast()).trimmingCharacters(in: .whitespaces) }
        func firstWord(_ text: String) -> String {
            String(text.prefix { $0.isLetter || $0 == "'" || $0 == "\u{2019}" }).lowercased()
        }
        if firstWord(reason) == "extended" {
            reason = String(reason.dropFirst("extended".count)).trimmingCharacters(in: .whitespaces)
            if reason.hasPrefix(",") { reason = String(reason.dropFirst()).trimmingCharacters(in: .whitespaces) }
        }
        guard !reason.isEmpty else { return "" }
        let word = firstWord(reason)
        let lowered = lowercasingFirst(reason)
        if connectives.contains(word) { return " " + lowered }
        return " because " + (ordinaryFirstWords.contains(word) ? lowered : reason)
    }

    /// "Schools asked" as "schools asked"; a word in capitals ("NHS") or with capitals inside ("McKenzie") is kept.
    private static func lowercasingFirst(_ text: String) -> String {
        let word = text.prefix { $0.isLetter }
        guard let first = word.first, first.isUppercase, word.dropFirst().allSatisfy({ !$0.isUppercase }) else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static func heldElsewhereSentence(_ address: String) -> Sentence {
        let lower = address.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return [.text("This consultation is being held on another website.")]
        }
        return [.text("This consultation is being held on "), .link(address, "another website"), .text(".")]
    }

    /// Whether the opening is shown with its time: written with one, and not exactly midnight.
    private static func showsTime(_ consultation: Consultation, _ format: GOVUKFormat) -> Bool {
        consultation.opensHasTime && !format.clock.wallTime(of: consultation.opens).isMidnight
    }

    private static func opening(_ consultation: Consultation, _ format: GOVUKFormat) -> Piece {
        .time(format.iso(consultation.opens), openingText(consultation, format))
    }

    /// The opening as banners show it: "15 November 2010", or "9am on 11 January 2027" when written with a time.
    static func openingText(_ consultation: Consultation, _ format: GOVUKFormat) -> String {
        showsTime(consultation, format) ? format.dateTime(consultation.opens) : format.date(consultation.opens)
    }

    private static func closing(_ instant: Date, _ format: GOVUKFormat) -> Piece {
        .time(format.closingISO(instant), format.closing(instant))
    }
}

/// One part of a banner sentence.
private enum Piece {
    case text(String)
    case time(String, String)
    case link(String, String)
}

/// A banner sentence, rendered both as escaped HTML and as plain text.
private typealias Sentence = [Piece]

extension Array where Element == Piece {
    fileprivate var html: String {
        map { piece in
            switch piece {
            case .text(let text): return HTML.escape(text)
            case .time(let datetime, let shown):
                return "<time datetime=\"\(HTML.escape(datetime))\">\(HTML.escape(shown))</time>"
            case .link(let href, let text):
                return "<a href=\"\(HTML.escape(href))\">\(HTML.escape(text))</a>"
            }
        }.joined()
    }

    fileprivate var text: String {
        map { piece in
            switch piece {
            case .text(let text), .time(_, let text): return text
            case .link(let href, let text): return "\(text) (\(href))"
            }
        }.joined()
    }
}
