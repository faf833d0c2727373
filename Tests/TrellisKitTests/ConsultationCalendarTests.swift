import Foundation
import XCTest
@testable import TrellisKit

/// `consultations.ics`: exact RFC 5545 text, escaping, and folding at 75 octets.
final class ConsultationCalendarTests: XCTestCase {
    private let london = ConsultationFixtures.london
    private func at(_ text: String) -> Date { ConsultationFixtures.at(text) }

    private let family = ICalendar.Event(
        id: "frameworks/family-support", title: "Family Support and Parenting Framework",
        url: "https://www.example.org/trust/frameworks/family-support/", consultation: ConsultationFixtures.familySupport)
    private let plan = ICalendar.Event(
        id: "plans/cypp-2011-14", title: "Children and Young People's Plan 2011 to 2014",
        url: "https://www.example.org/trust/plans/cypp-2011-14/", consultation: ConsultationFixtures.summer)

    func testASmallCalendarExactly() {
        let text = ICalendar.render(events: [plan, family], now: at("2010-12-01T09:30:00Z"), host: "www.example.org", clock: london)
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Trellis//Consultations//EN",
            "CALSCALE:GREGORIAN",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/London",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
            "TZNAME:BST",
            "DTSTART:19810329T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
            "TZNAME:GMT",
            "DTSTART:19961027T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:consultation-frameworks-family-support@www.example.org",
            "DTSTAMP:20101201T093000Z",
            "DTSTART;TZID=Europe/London:20101115T000000",
            "DTEND;TZID=Europe/London:20110201T000000",
            "SUMMARY:Consultation: Family Support and Parenting Framework",
            "DESCRIPTION:This consultation closes at 11:59pm on 31 January 2011.",
            "URL:https://www.example.org/trust/frameworks/family-support/",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:consultation-plans-cypp-2011-14@www.example.org",
            "DTSTAMP:20101201T093000Z",
            "DTSTART;TZID=Europe/London:20110503T090000",
            "DTEND;TZID=Europe/London:20110630T170000",
            "SUMMARY:Consultation: Children and Young People's Plan 2011 to 2014",
            "DESCRIPTION:This consultation opens at 9am on 3 May 2011.",
            "URL:https://www.example.org/trust/plans/cypp-2011-14/",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n"
        XCTAssertEqual(text, expected)
    }

    func testTheSameInputGivesTheSameBytes() {
        let first = ICalendar.render(events: [family, plan], now: at("2011-02-01"), host: "www.example.org", clock: london)
        let second = ICalendar.render(events: [plan, family], now: at("2011-02-01"), host: "www.example.org", clock: london)
        XCTAssertEqual(first, second)
    }

    func testEventsWithTheSameOpeningAreOrderedById() {
        var other = family
        other.id = "frameworks/early-help"
        let text = ICalendar.render(events: [family, other], now: at("2010-12-01"), host: "h", clock: london)
        let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        XCTAssertEqual(uids, ["UID:consultation-frameworks-early-help@h", "UID:consultation-frameworks-family-support@h"])
    }

    func testTextValuesAreEscaped() {
        XCTAssertEqual(ICalendar.escape(#"a\b;c,d"#), #"a\\b\;c\,d"#)
        XCTAssertEqual(ICalendar.escape("one\ntwo\r\nthree\rfour"), #"one\ntwo\nthree\nfour"#)
        XCTAssertEqual(ICalendar.escape("tab\tbell\u{7}del\u{7F}:colon"), "tab\tbelldel:colon")
    }

    func testLongLinesFoldAtSeventyFiveOctetsWithoutSplittingACharacter() {
        let accents = String(repeating: "é", count: 40)
        XCTAssertEqual(ICalendar.fold("SUMMARY:" + accents),
                       "SUMMARY:" + String(repeating: "é", count: 33) + "\r\n " + String(repeating: "é", count: 7))
        let euros = String(repeating: "€", count: 30)
        XCTAssertEqual(ICalendar.fold("DESCRIPTION:" + euros),
                       "DESCRIPTION:" + String(repeating: "€", count: 21) + "\r\n " + String(repeating: "€", count: 9))
        let exactly75 = "URL:" + String(repeating: "x", count: 71)
        XCTAssertEqual(ICalendar.fold(exactly75), exactly75)
        XCTAssertEqual(ICalendar.fold(exactly75 + "y"), exactly75 + "\r\n y")
        let long = String(repeating: "a", count: 200)
        XCTAssertEqual(ICalendar.fold(long).components(separatedBy: "\r\n ").map(\.utf8.count), [75, 74, 51])
    }

    func testAWholeCalendarHasOnlyCRLFAndShortValidLines() {
        var event = family
        event.title = "Fframwaith Cymorth i Deuluoedd 👨‍👩‍👧 — “cefnogi rhieni”, gofalwyr; a phlant"
        event.summary = "Sut mae partneriaid yn cefnogi teuluoedd.\nMae’r ymgynghoriad hwn yn cau ddiwedd Ionawr, 2011 — diolch! 🎉"
        let text = ICalendar.render(events: [event], now: at("2010-12-01"), host: "www.example.org", clock: london)
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        for line in lines {
            XCTAssertFalse(line.contains("\n") || line.contains("\r"), line)
            XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
        }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(unfolded.contains(
            "SUMMARY:Consultation: Fframwaith Cymorth i Deuluoedd 👨‍👩‍👧 — “cefnogi rhieni”\\, gofalwyr\\; a phlant\r\n"))
        XCTAssertTrue(unfolded.contains(
            "DESCRIPTION:Sut mae partneriaid yn cefnogi teuluoedd.\\nMae’r ymgynghoriad hwn yn cau ddiwedd Ionawr\\, 2011 — diolch! 🎉"
                + "\\n\\nThis consultation closes at 11:59pm on 31 January 2011.\r\n"))
    }

    func testAZoneWithoutAVTIMEZONEUsesUTC() {
        let utc = SiteClock(identifier: "UTC")!
        let text = ICalendar.render(events: [family], now: at("2010-12-01T09:30:00Z"), host: "h", clock: utc)
        XCTAssertFalse(text.contains("VTIMEZONE"))
        XCTAssertTrue(text.contains("\r\nDTSTART:20101115T000000Z\r\nDTEND:20110201T000000Z\r\n"))
    }

    func testACalendarNameIsOptional() {
        let text = ICalendar.render(events: [], now: at("2010-12-01"), host: "h", clock: london, name: "Consultations, Hampshire")
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Trellis//Consultations//EN\r\n"
            + "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:Consultations\\, Hampshire\r\nBEGIN:VTIMEZONE\r\n"))
    }
}
