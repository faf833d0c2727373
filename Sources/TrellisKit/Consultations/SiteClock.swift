import Foundation

/// The site's time zone, turning written dates into instants and instants into local days.
///
/// A wall time that the clocks skip (01:30 on the spring-forward day in London) is read with the
/// offset in force before the change, so it lands just after it (02:30 BST); a wall time that
/// happens twice (01:30 on the autumn day) is the earlier of the two.
public struct SiteClock: Hashable, Sendable {
    /// The zone every date in content is read in.
    public var timeZone: TimeZone

    /// A clock for a time zone.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// A clock for an IANA zone name such as `Europe/London`; nil when the name is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    /// When a written time begins: a date alone is 00:00 that day, local time.
    public func start(of written: WrittenTime) -> Date {
        if let instant = written.instant { return instant }
        let start = instant(of: written.wall)
        return start.addingTimeInterval(Double(written.nanosecond) / 1e9)
    }

    /// When a written time ends: a date alone runs to 00:00 the next day; a date-time is that instant.
    public func end(of written: WrittenTime) -> Date {
        guard !written.hasTime else { return start(of: written) }
        return startOfDay(number: written.wall.dayNumber + 1)
    }

    /// The instant a local wall time names (see the type's note on skipped and repeated times).
    public func instant(of wall: WallTime) -> Date {
        let local = wall.secondsSinceEpoch
        let before = utcOffset(atSeconds: local - 86_400)
        let after = utcOffset(atSeconds: local + 86_400)
        let valid = Set([local - before, local - after]).filter { utcOffset(atSeconds: $0) == local - $0 }
        return Date(timeIntervalSince1970: Double(valid.min() ?? local - before))
    }

    /// The local wall time at an instant (whole seconds).
    public func wallTime(of instant: Date) -> WallTime {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        return WallTime(secondsSinceEpoch: seconds + utcOffset(at: instant))
    }

    /// Seconds east of UTC in force at an instant (3600 during BST).
    public func utcOffset(at instant: Date) -> Int {
        timeZone.secondsFromGMT(for: instant)
    }

    /// The local day (days since 1970-01-01) an instant falls on.
    public func dayNumber(of instant: Date) -> Int {
        wallTime(of: instant).dayNumber
    }

    /// The first instant of a local day.
    public func startOfDay(number day: Int) -> Date {
        instant(of: WallTime(dayNumber: day))
    }

    /// The first instant of the local day containing `instant`.
    public func startOfDay(containing instant: Date) -> Date {
        startOfDay(number: dayNumber(of: instant))
    }

    /// The next local midnight strictly after `instant`.
    public func nextMidnight(after instant: Date) -> Date {
        startOfDay(number: dayNumber(of: instant) + 1)
    }

    /// Calendar days from the local day of `from` to the local day of `to` (negative if earlier).
    public func days(from: Date, to: Date) -> Int {
        dayNumber(of: to) - dayNumber(of: from)
    }

    /// The same local wall time `days` days later, whatever the clock changes in between.
    public func adding(days: Int, to instant: Date) -> Date {
        var wall = wallTime(of: instant)
        let target = WallTime(dayNumber: wall.dayNumber + days)
        (wall.year, wall.month, wall.day) = (target.year, target.month, target.day)
        let fraction = instant.timeIntervalSince1970 - instant.timeIntervalSince1970.rounded(.down)
        return self.instant(of: wall).addingTimeInterval(fraction)
    }

    private func utcOffset(atSeconds seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }
}
