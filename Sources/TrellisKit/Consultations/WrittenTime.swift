import Foundation

/// A date or date-time as an editor writes it in front matter or on the command line.
///
/// Without an offset it is a wall time in the site's time zone (a `SiteClock` turns it into an
/// instant); with `Z` or `+01:00` it is already an absolute instant.
public struct WrittenTime: Hashable, Sendable {
    /// The date and time of day as written (midnight when only a date was written).
    public var wall: WallTime
    /// Whether a time of day was written, not just a date.
    public var hasTime: Bool
    /// Seconds east of UTC when written with `Z` or an offset; nil for a site-local time.
    public var utcOffset: Int?
    /// Fractions of a second as written, in nanoseconds.
    public var nanosecond: Int

    /// A written time from its parts.
    public init(wall: WallTime, hasTime: Bool, utcOffset: Int? = nil, nanosecond: Int = 0) {
        self.wall = wall
        self.hasTime = hasTime
        self.utcOffset = utcOffset
        self.nanosecond = nanosecond
    }

    /// The absolute instant, when one was written with an offset.
    public var instant: Date? {
        utcOffset.map { Date(timeIntervalSince1970: Double(wall.secondsSinceEpoch - $0) + Double(nanosecond) / 1e9) }
    }

    /// Parses `2011-01-31`, `2011-01-31T14:00`, `2011-01-31T14:00:00`, `2011-01-31 14:00`, and ISO 8601 with `Z` or `+01:00`.
    public static func parse(_ text: String) -> WrittenTime? {
        var scan = Scan(trimmedBytes(text))
        guard let year = scan.digits(4), scan.take("-"), let month = scan.digits(2), scan.take("-"),
              let day = scan.digits(2), WallTime.isValidDate(year: year, month: month, day: day)
        else { return nil }
        if scan.atEnd {
            return WallTime(year: year, month: month, day: day).map { WrittenTime(wall: $0, hasTime: false) }
        }
        guard scan.take("T") || scan.take("t") || scan.take(" "),
              let hour = scan.digits(2), scan.take(":"), let minute = scan.digits(2)
        else { return nil }
        var second = 0, nanosecond = 0
        if scan.take(":") {
            guard let value = scan.digits(2) else { return nil }
            second = value
            if scan.take(".") || scan.take(",") {
                guard let fraction = scan.fraction() else { return nil }
                nanosecond = fraction
            }
        }
        while scan.take(" ") {}
        var offset: Int?
        if scan.take("Z") || scan.take("z") {
            offset = 0
        } else if let sign = scan.sign() {
            guard let hours = scan.digits(2), hours <= 23 else { return nil }
            var minutes = 0
            if !scan.atEnd {
                _ = scan.take(":")
                guard let value = scan.digits(2), value <= 59 else { return nil }
                minutes = value
            }
            offset = sign * (hours * 3_600 + minutes * 60)
        }
        guard scan.atEnd,
              let wall = WallTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return WrittenTime(wall: wall, hasTime: true, utcOffset: offset, nanosecond: nanosecond)
    }

    /// The UTF-8 of `text` without the white space (spaces, tabs, other Unicode spaces) at
    /// either end. Spaces and tabs are trimmed by byte; Foundation's trimming, which costs more
    /// than the parse, is asked only when what is left starts or ends beyond ASCII.
    private static func trimmedBytes(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var start = 0, end = bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 {
            return Array(text.trimmingCharacters(in: .whitespaces).utf8)
        }
        return Array(bytes[start..<end])
    }

    /// The error for a value that is not a date, naming the key and the forms to write instead.
    public static func invalidDiagnostic(_ text: String, key: String, at location: SourceLocation?) -> Diagnostic {
        .error(.invalidDate,
               "'\(text)' is not a date for '\(key)'; write a date as 2011-01-31, or a date and time as 2011-01-31T14:00",
               at: location)
    }
}

/// A cursor over ASCII bytes for the strict date grammar above.
private struct Scan {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    /// Exactly `count` ASCII digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    /// One to nine digits after a decimal point, as nanoseconds.
    mutating func fraction() -> Int? {
        var value = 0, count = 0
        while index < bytes.count, (48...57).contains(bytes[index]), count < 9 {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            count += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<9 { value *= 10 }
        return value
    }

    /// +1 or -1 for a leading `+` or `-`.
    mutating func sign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }
}
