import Foundation

/// A document's `consultation:` block with every date resolved to an instant in the site's zone.
///
/// Its state is never stored: `state(at:)` derives it from the `now` a build uses.
public struct Consultation: Hashable, Sendable {
    /// How to respond while the consultation is open.
    public struct Respond: Hashable, Sendable {
        /// A web form or survey to respond through.
        public var url: String?
        /// An address to email responses to.
        public var email: String?
        /// A postal address for written responses.
        public var address: String?

        /// Ways to respond; any may be missing.
        public init(url: String? = nil, email: String? = nil, address: String? = nil) {
            self.url = url
            self.email = email
            self.address = address
        }

        /// Whether no way to respond was given.
        public var isEmpty: Bool { url == nil && email == nil && address == nil }
    }

    /// What the consultation led to, and when that was published.
    public struct Outcome: Hashable, Sendable {
        /// When the outcome is published: the start of its day for a date alone.
        public var published: Date
        /// One or two sentences on what was decided.
        public var summary: String?
        /// Where the outcome is published, if not in a document on this site.
        public var url: String?
        /// A document id such as `frameworks/family-support`.
        public var document: String?

        /// An outcome published at an instant.
        public init(published: Date, summary: String? = nil, url: String? = nil, document: String? = nil) {
            self.published = published
            self.summary = summary
            self.url = url
            self.document = document
        }
    }

    /// An earlier closing time that was moved later, and why.
    public struct Extension: Hashable, Sendable {
        /// The instant it used to close (the end of the written date).
        public var previousCloses: Date
        /// Whether the previous closing was written with a time of day.
        public var previousClosesHasTime: Bool
        /// Why the closing date moved, finishing "because ...".
        public var reason: String?

        /// An extension from an earlier closing instant.
        public init(previousCloses: Date, previousClosesHasTime: Bool = false, reason: String? = nil) {
            self.previousCloses = previousCloses
            self.previousClosesHasTime = previousClosesHasTime
            self.reason = reason
        }
    }

    /// The instant it opens (00:00 local for a date alone).
    public var opens: Date
    /// Whether `opens` was written with a time of day.
    public var opensHasTime: Bool
    /// The instant it closes: the end of the written close (00:00 the next day for a date alone).
    public var closes: Date
    /// Whether `closes` was written with a time of day.
    public var closesHasTime: Bool
    /// How to respond; shown only while open.
    public var respond: Respond?
    /// The address of another website the consultation runs on.
    public var heldElsewhere: String?
    /// The outcome, once one is planned or published.
    public var outcome: Outcome?
    /// Earlier closing times, in the order written.
    public var extensions: [Extension]

    /// A consultation from resolved parts.
    public init(opens: Date, opensHasTime: Bool = false, closes: Date, closesHasTime: Bool = false,
                respond: Respond? = nil, heldElsewhere: String? = nil, outcome: Outcome? = nil,
                extensions: [Extension] = []) {
        self.opens = opens
        self.opensHasTime = opensHasTime
        self.closes = closes
        self.closesHasTime = closesHasTime
        self.respond = respond
        self.heldElsewhere = heldElsewhere
        self.outcome = outcome
        self.extensions = extensions
    }

    /// A consultation from dates as written, read on the site's clock.
    public init(opens: WrittenTime, closes: WrittenTime, respond: Respond? = nil, heldElsewhere: String? = nil,
                outcomePublished: WrittenTime? = nil, outcomeSummary: String? = nil, outcomeURL: String? = nil,
                outcomeDocument: String? = nil, extensions: [(previousCloses: WrittenTime, reason: String?)] = [],
                clock: SiteClock) {
        self.init(
            opens: clock.start(of: opens), opensHasTime: opens.hasTime,
            closes: clock.end(of: closes), closesHasTime: closes.hasTime,
            respond: respond, heldElsewhere: heldElsewhere,
            outcome: outcomePublished.map {
                Outcome(published: clock.start(of: $0), summary: outcomeSummary, url: outcomeURL, document: outcomeDocument)
            },
            extensions: extensions.map {
                Extension(previousCloses: clock.end(of: $0.previousCloses), previousClosesHasTime: $0.previousCloses.hasTime,
                          reason: $0.reason)
            })
    }
}
