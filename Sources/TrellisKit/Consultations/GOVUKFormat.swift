import Foundation

/// Dates and times as GOV.UK writes them ("3pm on 31 January 2011"), in the site's time zone.
public struct GOVUKFormat: Hashable, Sendable {
    /// The zone every instant is shown in.
    public var clock: SiteClock

    /// A formatter for a site's clock.
    public init(clock: SiteClock) {
        self.clock = clock
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// "31 January 2011": no ordinal, no comma, no leading zero.
    public func date(_ instant: Date) -> String {
        Self.date(clock.wallTime(of: instant))
    }

    /// "3pm", "10:45pm", "9am", "midday", "12:30pm", "midnight", "12:30am".
    public func time(_ instant: Date) -> String {
        Self.time(clock.wallTime(of: instant))
    }

    /// "3pm on 31 January 2011".
    public func dateTime(_ instant: Date) -> String {
        "\(time(instant)) on \(date(instant))"
    }

    /// A closing time: exactly local midnight reads as 11:59pm the day before ("11:59pm on 31 January 2011").
    public func closing(_ instant: Date) -> String {
        dateTime(closingShown(instant))
    }

    /// The ISO 8601 `datetime` of a closing time, consistent with `closing(_:)`: "2011-01-31T23:59:00+00:00".
    public func closingISO(_ instant: Date) -> String {
        iso(closingShown(instant))
    }

    /// The instant a closing time is shown as: one minute earlier when it falls exactly on local midnight.
    public func closingShown(_ instant: Date) -> Date {
        clock.wallTime(of: instant).isMidnight ? instant.addingTimeInterval(-60) : instant
    }

    /// ISO 8601 with the local offset, for `<time datetime>`: "2011-06-30T15:00:00+01:00".
    public func iso(_ instant: Date) -> String {
        let wall = clock.wallTime(of: instant)
        return "\(Self.isoDate(wall))T\(Self.pad(wall.hour)):\(Self.pad(wall.minute)):\(Self.pad(wall.second))"
            + Self.offset(clock.utcOffset(at: instant))
    }

    /// The local date alone, for a `<time datetime>` around a date: "2011-04-20".
    public func isoDate(_ instant: Date) -> String {
        Self.isoDate(clock.wallTime(of: instant))
    }

    /// UTC in the compact ISO 8601 form, "20110131T235900Z" (iCalendar's DTSTAMP).
    public static func compactUTC(_ instant: Date) -> String {
        compact(SiteClock(timeZone: TimeZone(identifier: "UTC")!).wallTime(of: instant)) + "Z"
    }

    /// A wall time in the compact form iCalendar uses: "20101115T000000".
    public static func compact(_ wall: WallTime) -> String {
        "\(pad(wall.year, 4))\(pad(wall.month))\(pad(wall.day))T\(pad(wall.hour))\(pad(wall.minute))\(pad(wall.second))"
    }

    /// "31 January 2011" for a wall time.
    static func date(_ wall: WallTime) -> String {
        "\(wall.day) \(months[wall.month - 1]) \(wall.year)"
    }

    /// GOV.UK's time of day for a wall time (seconds are not shown).
    static func time(_ wall: WallTime) -> String {
        switch (wall.hour, wall.minute) {
        case (0, 0): return "midnight"
        case (12, 0): return "midday"
        default:
            let hour12 = wall.hour % 12 == 0 ? 12 : wall.hour % 12
            let suffix = wall.hour < 12 ? "am" : "pm"
            return wall.minute == 0 ? "\(hour12)\(suffix)" : "\(hour12):\(pad(wall.minute))\(suffix)"
        }
    }

    /// "2011-04-20" for a wall time.
    static func isoDate(_ wall: WallTime) -> String {
        "\(pad(wall.year, 4))-\(pad(wall.month))-\(pad(wall.day))"
    }

    /// "+01:00", "+00:00", "-05:00".
    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + "\(pad(magnitude / 60)):\(pad(magnitude % 60))"
    }

    /// Zero-padded decimal digits.
    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
