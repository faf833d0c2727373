import Foundation
import XCTest
@testable import TrellisKit

/// Written dates, the London clock across its changes, and GOV.UK's way of writing times.
final class ConsultationTimeTests: XCTestCase {
    private let london = ConsultationFixtures.london
    private let format = ConsultationFixtures.format
    private func at(_ text: String) -> Date { ConsultationFixtures.at(text) }
    private func end(_ text: String) -> Date { ConsultationFixtures.end(text) }
    private func wall(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0) -> WallTime {
        WallTime(year: y, month: m, day: d, hour: h, minute: min, second: s)!
    }

    // MARK: WrittenTime

    func testParsesEveryWrittenForm() {
        XCTAssertEqual(WrittenTime.parse("2011-01-31"), WrittenTime(wall: wall(2011, 1, 31), hasTime: false))
        XCTAssertEqual(WrittenTime.parse("2011-01-31T14:00"), WrittenTime(wall: wall(2011, 1, 31, 14), hasTime: true))
        XCTAssertEqual(WrittenTime.parse("2011-01-31T14:00:05"), WrittenTime(wall: wall(2011, 1, 31, 14, 0, 5), hasTime: true))
        XCTAssertEqual(WrittenTime.parse("2011-01-31 14:00"), WrittenTime(wall: wall(2011, 1, 31, 14), hasTime: true))
        XCTAssertEqual(WrittenTime.parse(" 2011-01-31 "), WrittenTime(wall: wall(2011, 1, 31), hasTime: false))
        // Other Unicode spaces (a no-break space, an ideographic space) are trimmed as well.
        XCTAssertEqual(WrittenTime.parse("\t\u{A0}2011-01-31\u{3000}"), WrittenTime(wall: wall(2011, 1, 31), hasTime: false))
        XCTAssertEqual(WrittenTime.parse("2011-01-31T14:00:00Z"),
                       WrittenTime(wall: wall(2011, 1, 31, 14), hasTime: true, utcOffset: 0))
        XCTAssertEqual(WrittenTime.parse("2011-06-30T15:00:00+01:00"),
                       WrittenTime(wall: wall(2011, 6, 30, 15), hasTime: true, utcOffset: 3_600))
        XCTAssertEqual(WrittenTime.parse("2011-06-30T15:00-0530")?.utcOffset, -19_800)
        XCTAssertEqual(WrittenTime.parse("2011-01-31T14:00:00.250Z")?.nanosecond, 250_000_000)
        XCTAssertEqual(WrittenTime.parse("2012-02-29")?.wall, wall(2012, 2, 29))
        XCTAssertEqual(WrittenTime.parse("2000-02-29")?.wall, wall(2000, 2, 29))
        XCTAssertEqual(WrittenTime.parse("2011-01-31")?.hasTime, false)
        XCTAssertEqual(WrittenTime.parse("2011-01-31T00:00")?.hasTime, true)
    }

    func testRejectsWhatIsNotARealDateOrTime() {
        for text in ["", "tomorrow", "2011-02-30", "2011-02-29", "1900-02-29", "2011-04-31", "2011-13-01",
                     "2011-00-10", "2011-01-00", "2011-1-31", "11-01-31", "31/01/2011", "2011/01/31",
                     "2011-01-31T", "2011-01-31T14", "2011-01-31T24:00", "2011-01-31T14:60", "2011-01-31T14:00:60",
                     "2011-01-31T4:00", "2011-01-31T14:00:00.", "2011-01-31T14:00+25:00", "2011-01-31T14:00+01:60",
                     "2011-01-31T14:00+1", "2011-01-31x", "2011-01-31T14:00 GMT", "2011-01-31T14:00:00ZZ", "２０１１-01-31"] {
            XCTAssertNil(WrittenTime.parse(text), text)
        }
    }

    func testAnInvalidDateNamesTheKeyAndTheFormsToWrite() {
        XCTAssertEqual(
            WrittenTime.invalidDiagnostic("2011-02-30", key: "closes", at: SourceLocation(file: "Content/frameworks/x.md", line: 9, column: 11)),
            Diagnostic(.error, .invalidDate,
                       "'2011-02-30' is not a date for 'closes'; write a date as 2011-01-31, or a date and time as 2011-01-31T14:00",
                       at: SourceLocation(file: "Content/frameworks/x.md", line: 9, column: 11)))
    }

    // MARK: SiteClock

    func testADateStartsAtMidnightAndRunsToTheNextMidnight() {
        XCTAssertEqual(at("2011-01-31"), at("2011-01-31T00:00:00Z"))
        XCTAssertEqual(end("2011-01-31"), at("2011-02-01T00:00:00Z"))
        XCTAssertEqual(at("2011-06-30"), at("2011-06-29T23:00:00Z"))
        XCTAssertEqual(end("2011-06-30"), at("2011-06-30T23:00:00Z"))
        XCTAssertEqual(end("2011-06-30T17:00"), at("2011-06-30T16:00:00Z"))
        XCTAssertEqual(end("2011-06-30T17:00:00Z"), at("2011-06-30T17:00:00Z"))
        XCTAssertEqual(at("2011-01-31T14:00:00.250Z").timeIntervalSince(at("2011-01-31T14:00:00Z")), 0.25, accuracy: 1e-6)
    }

    func testTheDaysOfTheClockChangesAre23And25HoursLong() {
        XCTAssertEqual(end("2010-03-27"), at("2010-03-28T00:00:00Z"))
        XCTAssertEqual(end("2010-03-28"), at("2010-03-28T23:00:00Z"))
        XCTAssertEqual(end("2010-03-28").timeIntervalSince(at("2010-03-28")), 23 * 3_600)
        XCTAssertEqual(at("2010-10-31"), at("2010-10-30T23:00:00Z"))
        XCTAssertEqual(end("2010-10-31"), at("2010-11-01T00:00:00Z"))
        XCTAssertEqual(end("2010-10-31").timeIntervalSince(at("2010-10-31")), 25 * 3_600)
    }

    func testATimeTheClocksSkipLandsJustAfterTheChange() {
        XCTAssertEqual(at("2010-03-28T00:59"), at("2010-03-28T00:59:00Z"))
        XCTAssertEqual(at("2010-03-28T01:00"), at("2010-03-28T01:00:00Z"))
        XCTAssertEqual(at("2010-03-28T01:30"), at("2010-03-28T01:30:00Z"))
        XCTAssertEqual(at("2010-03-28T02:00"), at("2010-03-28T01:00:00Z"))
        XCTAssertEqual(london.wallTime(of: at("2010-03-28T01:30")), wall(2010, 3, 28, 2, 30))
    }

    func testATimeThatHappensTwiceIsTheEarlierOne() {
        XCTAssertEqual(at("2010-10-31T00:59"), at("2010-10-30T23:59:00Z"))
        XCTAssertEqual(at("2010-10-31T01:30"), at("2010-10-31T00:30:00Z"))
        XCTAssertEqual(at("2010-10-31T02:00"), at("2010-10-31T02:00:00Z"))
    }

    func testDayArithmeticFollowsTheLocalCalendar() {
        XCTAssertEqual(london.adding(days: 1, to: at("2010-03-27T12:00")), at("2010-03-28T11:00:00Z"))
        XCTAssertEqual(london.adding(days: 1, to: at("2010-10-30T12:00")), at("2010-10-31T12:00:00Z"))
        XCTAssertEqual(london.adding(days: 84, to: end("2011-01-31")), at("2011-04-25T23:00:00Z"))
        XCTAssertEqual(london.days(from: at("2010-03-27T23:59"), to: at("2010-03-28T00:00")), 1)
        XCTAssertEqual(london.days(from: at("2010-03-26T12:00"), to: at("2010-03-28T23:59")), 2)
        XCTAssertEqual(london.nextMidnight(after: at("2010-03-28T00:00")), at("2010-03-28T23:00:00Z"))
        XCTAssertEqual(london.nextMidnight(after: at("2010-10-31T00:00")), at("2010-11-01T00:00:00Z"))
        XCTAssertEqual(london.startOfDay(containing: at("2011-06-30T17:00")), at("2011-06-29T23:00:00Z"))
    }

    func testWallTimeCalendarArithmeticRoundTrips() {
        XCTAssertEqual(wall(1970, 1, 1).dayNumber, 0)
        XCTAssertEqual(wall(2011, 1, 31).dayNumber, 15_005)
        XCTAssertEqual(WallTime(dayNumber: -1), wall(1969, 12, 31))
        XCTAssertEqual(WallTime(secondsSinceEpoch: -1), wall(1969, 12, 31, 23, 59, 59))
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            XCTAssertEqual(WallTime(dayNumber: day).dayNumber, day)
        }
    }

    // MARK: GOVUKFormat

    func testTimesAreWrittenTheGOVUKWay() {
        let cases = [("15:00", "3pm"), ("22:45", "10:45pm"), ("09:00", "9am"), ("09:05", "9:05am"), ("12:00", "midday"),
                     ("12:30", "12:30pm"), ("00:00", "midnight"), ("00:30", "12:30am"), ("23:59", "11:59pm"),
                     ("12:00:59", "midday"), ("11:59", "11:59am")]
        for (written, expected) in cases {
            XCTAssertEqual(format.time(at("2011-01-31T\(written)")), expected, written)
        }
    }

    func testDatesHaveNoOrdinalCommaOrLeadingZero() {
        XCTAssertEqual(format.date(at("2011-01-31T14:00")), "31 January 2011")
        XCTAssertEqual(format.date(at("2011-06-01")), "1 June 2011")
        XCTAssertEqual(format.date(at("2011-05-05T23:30")), "5 May 2011")
        XCTAssertEqual(format.dateTime(at("2011-05-03T09:00")), "9am on 3 May 2011")
        XCTAssertEqual(format.isoDate(at("2011-04-20")), "2011-04-20")
    }

    func testMidnightClosingReadsAs1159pmTheDayBefore() {
        XCTAssertEqual(format.closing(end("2011-01-31")), "11:59pm on 31 January 2011")
        XCTAssertEqual(format.closingISO(end("2011-01-31")), "2011-01-31T23:59:00+00:00")
        XCTAssertEqual(format.closing(end("2011-06-30")), "11:59pm on 30 June 2011")
        XCTAssertEqual(format.closingISO(end("2011-06-30")), "2011-06-30T23:59:00+01:00")
        XCTAssertEqual(format.closing(end("2011-01-31T00:00")), "11:59pm on 30 January 2011")
        XCTAssertEqual(format.closing(end("2011-01-31T17:00")), "5pm on 31 January 2011")
        XCTAssertEqual(format.closingISO(end("2011-01-31T17:00")), "2011-01-31T17:00:00+00:00")
        XCTAssertEqual(format.closing(end("2011-06-15T12:00")), "midday on 15 June 2011")
    }

    func testMidnightClosingOnTheDaysOfTheClockChanges() {
        XCTAssertEqual(format.closing(end("2010-03-28")), "11:59pm on 28 March 2010")
        XCTAssertEqual(format.closingISO(end("2010-03-28")), "2010-03-28T23:59:00+01:00")
        XCTAssertEqual(format.closing(end("2010-10-31")), "11:59pm on 31 October 2010")
        XCTAssertEqual(format.closingISO(end("2010-10-31")), "2010-10-31T23:59:00+00:00")
    }

    func testISOCarriesTheOffsetInForceThatDay() {
        XCTAssertEqual(format.iso(at("2011-01-31T14:00")), "2011-01-31T14:00:00+00:00")
        XCTAssertEqual(format.iso(at("2011-06-30T15:00")), "2011-06-30T15:00:00+01:00")
        XCTAssertEqual(format.iso(at("2010-03-28T01:30")), "2010-03-28T02:30:00+01:00")
        XCTAssertEqual(format.iso(at("2010-10-31T01:30:00Z")), "2010-10-31T01:30:00+00:00")
        XCTAssertEqual(format.iso(at("2010-10-31T00:30:00Z")), "2010-10-31T01:30:00+01:00")
        let newYork = GOVUKFormat(clock: SiteClock(identifier: "America/New_York")!)
        XCTAssertEqual(newYork.iso(at("2011-01-31T14:00:00Z")), "2011-01-31T09:00:00-05:00")
        XCTAssertEqual(GOVUKFormat.compactUTC(at("2011-06-30T15:00:59.9")), "20110630T140059Z")
    }
}
