import Foundation

/// The next instant after `now` at which anything a static build shows would change.
///
/// A scheduler rebuilds the site then; `build.json` records it beside the `now` used.
public enum NextChange {
    /// The earliest of the instants given, ignoring the missing ones.
    public static func earliest(_ candidates: some Sequence<Date?>) -> Date? {
        candidates.compactMap { $0 }.min()
    }

    /// The earliest next change across every consultation and site notice.
    public static func earliest(consultations: some Sequence<Consultation>, notices: some Sequence<NoticeWindow> = [],
                                after now: Date, clock: SiteClock) -> Date? {
        earliest(consultations.map { $0.nextChange(after: now, clock: clock) }
            + notices.map { $0.nextChange(after: now) })
    }
}

extension Consultation {
    /// The next instant after `now` when it opens, closes, publishes its outcome, or its countdown ticks over at local midnight.
    public func nextChange(after now: Date, clock: SiteClock) -> Date? {
        var candidates: [Date?] = [opens, closes, outcome?.published]
        if state(at: now) == .open {
            candidates.append(clock.nextMidnight(after: now))
        }
        return NextChange.earliest(candidates.map { $0.flatMap { $0 > now ? $0 : nil } })
    }
}

/// The window in which a `site.yml` notice is shown: from the start of `from` to the end of `until`.
public struct NoticeWindow: Hashable, Sendable {
    /// The first instant shown; nil for "already showing".
    public var from: Date?
    /// The instant it stops being shown; nil for "until removed".
    public var until: Date?

    /// A window of instants.
    public init(from: Date?, until: Date?) {
        self.from = from
        self.until = until
    }

    /// A window as written: a date-only `from` starts at 00:00, a date-only `until` runs to the end of that day.
    public init(from: WrittenTime?, until: WrittenTime?, clock: SiteClock) {
        self.init(from: from.map(clock.start(of:)), until: until.map(clock.end(of:)))
    }

    /// Whether the notice is shown at `now`.
    public func contains(_ now: Date) -> Bool {
        (from.map { $0 <= now } ?? true) && (until.map { now < $0 } ?? true)
    }

    /// The next instant after `now` when the notice appears or disappears.
    public func nextChange(after now: Date) -> Date? {
        NextChange.earliest([from, until].map { $0.flatMap { $0 > now ? $0 : nil } })
    }
}
