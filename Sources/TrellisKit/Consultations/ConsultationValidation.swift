import Foundation

extension Consultation {
    /// Errors in the order of dates: closes not after opens, an outcome before the close, an extension not before the close.
    ///
    /// `previousClosesAt[i]` is the place of `extensions[i].previous_closes`.
    public func validate(clock: SiteClock, closesAt: SourceLocation?, outcomePublishedAt: SourceLocation?,
                         previousClosesAt: [SourceLocation?] = []) -> [Diagnostic] {
        let format = GOVUKFormat(clock: clock)
        var diagnostics: [Diagnostic] = []
        if closes <= opens {
            diagnostics.append(.error(
                .consultationDates,
                "the consultation closes (\(format.closing(closes))) \(closes < opens ? "before" : "as soon as") it opens "
                    + "(\(shown(opens, format))); "
                    + "write a 'closes' date on or after \(format.isoDate(opens)), or correct 'opens'",
                at: closesAt))
        }
        if let outcome, outcome.published < closes {
            diagnostics.append(.error(
                .consultationDates,
                "the outcome is published (\(shown(outcome.published, format))) before the consultation closes "
                    + "(\(format.closing(closes))); write a 'published' date on or after \(earliestOutcomeDate(clock))",
                at: outcomePublishedAt))
        }
        for (index, change) in extensions.enumerated() where change.previousCloses >= closes {
            diagnostics.append(.error(
                .consultationDates,
                "the previous closing date (\(format.closing(change.previousCloses))) is not before the consultation "
                    + "closes (\(format.closing(closes))); write the earlier closing date as 'previous_closes' "
                    + "and the new, later one as 'closes'",
                at: index < previousClosesAt.count ? previousClosesAt[index] : nil))
        }
        return diagnostics
    }

    /// A warning when the consultation closed more than 12 weeks before `now` and its outcome is not published yet.
    public func overdueWarning(now: Date, clock: SiteClock, at location: SourceLocation?) -> Diagnostic? {
        guard state(at: now) == .awaitingOutcome, now > clock.adding(days: 84, to: closes) else { return nil }
        let format = GOVUKFormat(clock: clock)
        if let outcome {
            return .warning(
                .outcomeOverdue,
                "the consultation closed at \(format.closing(closes)), more than 12 weeks ago, and its outcome is not "
                    + "due until \(shown(outcome.published, format)); publish the outcome within 12 weeks of the close "
                    + "where you can, and bring 'published' forward when it is",
                at: location)
        }
        return .warning(
            .outcomeOverdue,
            "the consultation closed at \(format.closing(closes)), more than 12 weeks ago, and has no outcome; "
                + "add 'outcome: { published: \(format.isoDate(now)), summary: \"...\" }' when the outcome is published",
            at: location)
    }

    /// "15 November 2010" for a local midnight, otherwise "9am on 3 May 2011".
    private func shown(_ instant: Date, _ format: GOVUKFormat) -> String {
        format.clock.wallTime(of: instant).isMidnight ? format.date(instant) : format.dateTime(instant)
    }

    /// The first local date whose start is not before the close, as written in front matter.
    private func earliestOutcomeDate(_ clock: SiteClock) -> String {
        let wall = clock.wallTime(of: closes)
        return GOVUKFormat.isoDate(WallTime(dayNumber: wall.dayNumber + (wall.isMidnight ? 0 : 1)))
    }
}
