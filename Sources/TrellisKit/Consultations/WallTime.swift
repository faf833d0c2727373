/// A calendar date and time of day as a wall clock shows it, in no particular time zone.
///
/// Trellis does its own calendar arithmetic (proleptic Gregorian, days since 1970-01-01) so
/// that every result depends only on its inputs, never on the system's locale or calendar.
public struct WallTime: Hashable, Sendable, Comparable {
    /// The year, such as 2011.
    public var year: Int
    /// 1 to 12.
    public var month: Int
    /// 1 to 31.
    public var day: Int
    /// 0 to 23.
    public var hour: Int
    /// 0 to 59.
    public var minute: Int
    /// 0 to 59.
    public var second: Int

    /// A wall time; nil unless the date is a real calendar date and the time a real time of day.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard WallTime.isValidDate(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The wall time `seconds` after 1970-01-01 00:00 on the same wall clock.
    public init(secondsSinceEpoch seconds: Int) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = WallTime.civil(fromDayNumber: days)
        self.year = year
        self.month = month
        self.day = day
        hour = secondOfDay / 3_600
        minute = secondOfDay % 3_600 / 60
        second = secondOfDay % 60
    }

    /// Midnight at the start of day `dayNumber` (days since 1970-01-01).
    public init(dayNumber: Int) {
        self.init(secondsSinceEpoch: dayNumber * 86_400)
    }

    /// Days since 1970-01-01 of this wall time's date.
    public var dayNumber: Int {
        WallTime.dayNumber(year: year, month: month, day: day)
    }

    /// Seconds since 1970-01-01 00:00 on the same wall clock (as if this were UTC).
    public var secondsSinceEpoch: Int {
        dayNumber * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// Whether this is 00:00:00, the very start of its day.
    public var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 }

    /// Midnight at the start of this wall time's day.
    public var startOfDay: WallTime { WallTime(dayNumber: dayNumber) }

    /// Earlier on the same wall clock.
    public static func < (lhs: WallTime, rhs: WallTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// Whether year-month-day names a day that exists in the Gregorian calendar.
    public static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    /// 28 to 31.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Howard Hinnant's days_from_civil: days since 1970-01-01 of a Gregorian date.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Howard Hinnant's civil_from_days: the Gregorian date `days` after 1970-01-01.
    static func civil(fromDayNumber days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
