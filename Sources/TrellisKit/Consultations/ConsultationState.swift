import Foundation

/// Where a consultation stands at an instant; derived from `now`, never stored.
public enum ConsultationState: String, Hashable, Sendable, CaseIterable {
    /// Before it opens.
    case upcoming
    /// From its opening until it closes.
    case open
    /// Closed, with no outcome published yet.
    case awaitingOutcome = "awaiting-outcome"
    /// Closed, and its outcome published.
    case concluded

    /// The state in words, as the banner labels it.
    public var label: String {
        switch self {
        case .upcoming: return "Consultation"
        case .open: return "Open consultation"
        case .awaitingOutcome: return "Closed consultation"
        case .concluded: return "Consultation outcome"
        }
    }
}

extension Consultation {
    /// Upcoming before it opens, open until it closes, then awaiting its outcome until the outcome is published.
    public func state(at now: Date) -> ConsultationState {
        if now < opens { return .upcoming }
        if now < closes { return .open }
        if let outcome, outcome.published <= now { return .concluded }
        return .awaitingOutcome
    }

    /// Whole local days from `now` to the closing day as shown (0 on the closing day itself).
    public func daysLeft(at now: Date, clock: SiteClock) -> Int {
        clock.days(from: now, to: GOVUKFormat(clock: clock).closingShown(closes))
    }

    /// "Closing today", "Closing tomorrow" or "20 days left" while open; nil otherwise.
    public func countdown(at now: Date, clock: SiteClock) -> String? {
        guard state(at: now) == .open else { return nil }
        switch daysLeft(at: now, clock: clock) {
        case ...0: return "Closing today"
        case 1: return "Closing tomorrow"
        case let days: return "\(days) days left"
        }
    }
}
