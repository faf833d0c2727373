import Foundation
import XCTest
@testable import TrellisKit

/// The next instant a static build goes stale: openings, closings, outcomes, notices and midnight ticks.
final class ConsultationNextChangeTests: XCTestCase {
    private let london = ConsultationFixtures.london
    private let family = ConsultationFixtures.familySupport
    private func at(_ text: String) -> Date { ConsultationFixtures.at(text) }
    private func next(_ consultation: Consultation, _ now: String) -> Date? {
        consultation.nextChange(after: at(now), clock: london)
    }

    func testEachStateChangesAtTheNextBoundary() {
        XCTAssertEqual(next(family, "2010-11-10T12:00"), at("2010-11-15T00:00:00Z"))
        XCTAssertEqual(next(family, "2010-11-14T23:59"), at("2010-11-15T00:00:00Z"))
        XCTAssertEqual(next(family, "2010-11-15T00:00"), at("2010-11-16T00:00:00Z"))
        XCTAssertEqual(next(family, "2011-01-11T10:00"), at("2011-01-12T00:00:00Z"))
        XCTAssertEqual(next(family, "2011-01-31T10:00"), at("2011-02-01T00:00:00Z"))
        XCTAssertEqual(next(family, "2011-02-01T00:00"), at("2011-04-19T23:00:00Z"))
        XCTAssertEqual(next(family, "2011-04-19T23:59"), at("2011-04-20T00:00"))
        XCTAssertNil(next(family, "2011-04-20T00:00"))
        XCTAssertNil(next(ConsultationFixtures.consultation(opens: "2010-11-15", closes: "2011-01-31"), "2011-02-01"))
    }

    func testATimedCloseComesBeforeThatDaysMidnight() {
        let summer = ConsultationFixtures.summer
        XCTAssertEqual(next(summer, "2011-05-03T08:59"), at("2011-05-03T09:00"))
        XCTAssertEqual(next(summer, "2011-05-03T09:00"), at("2011-05-04T00:00"))
        XCTAssertEqual(next(summer, "2011-06-30T10:00"), at("2011-06-30T17:00"))
        XCTAssertEqual(next(summer, "2011-06-30T10:00"), at("2011-06-30T16:00:00Z"))
    }

    func testMidnightTicksOnTheClockChangeDays() {
        let spring = ConsultationFixtures.consultation(opens: "2010-03-01", closes: "2010-03-28")
        XCTAssertEqual(next(spring, "2010-03-27T12:00"), at("2010-03-28T00:00:00Z"))
        XCTAssertEqual(next(spring, "2010-03-28T00:00"), at("2010-03-28T23:00:00Z"))
        XCTAssertEqual(spring.closes, at("2010-03-28T23:00:00Z"))
        let autumn = ConsultationFixtures.consultation(opens: "2010-10-01", closes: "2010-11-05")
        XCTAssertEqual(next(autumn, "2010-10-30T12:00"), at("2010-10-30T23:00:00Z"))
        XCTAssertEqual(next(autumn, "2010-10-31T00:00"), at("2010-11-01T00:00:00Z"))
        let springOpening = ConsultationFixtures.consultation(opens: "2010-03-28T01:30", closes: "2010-04-30")
        XCTAssertEqual(next(springOpening, "2010-03-28T00:30"), at("2010-03-28T01:30:00Z"))
        XCTAssertEqual(next(springOpening, "2010-03-28T02:30"), at("2010-03-28T23:00:00Z"))
    }

    func testTheBannerChangesAtEveryChangeAndNowhereBetween() {
        let wording = { (now: Date) in ConsultationWording(consultation: self.family, now: now, clock: self.london) }
        var now = at("2010-11-01")
        var changes: [Date] = []
        while let change = family.nextChange(after: now, clock: london) {
            XCTAssertEqual(wording(change.addingTimeInterval(-1)), wording(now), "\(change)")
            XCTAssertNotEqual(wording(change), wording(now), "\(change)")
            changes.append(change)
            now = change
        }
        XCTAssertEqual(changes.count, 1 + 77 + 1 + 1)
        XCTAssertEqual(changes.suffix(4), [at("2011-01-30"), at("2011-01-31"), at("2011-02-01"), at("2011-04-20")])
    }

    func testNoticeWindowsRunFromTheStartOfOneDayToTheEndOfAnother() {
        let notice = NoticeWindow(from: WrittenTime.parse("2026-03-23"), until: WrittenTime.parse("2026-05-07"), clock: london)
        XCTAssertFalse(notice.contains(at("2026-03-22T23:59")))
        XCTAssertTrue(notice.contains(at("2026-03-23T00:00")))
        XCTAssertTrue(notice.contains(at("2026-05-07T23:59")))
        XCTAssertFalse(notice.contains(at("2026-05-08T00:00")))
        XCTAssertEqual(notice.nextChange(after: at("2026-01-01")), at("2026-03-23T00:00:00Z"))
        XCTAssertEqual(notice.nextChange(after: at("2026-03-23T00:00")), at("2026-05-07T23:00:00Z"))
        XCTAssertNil(notice.nextChange(after: at("2026-05-08T00:00")))
        let timed = NoticeWindow(from: WrittenTime.parse("2026-03-23T09:30"), until: nil, clock: london)
        XCTAssertEqual(timed.nextChange(after: at("2026-03-23")), at("2026-03-23T09:30"))
        XCTAssertTrue(timed.contains(at("2030-01-01")))
        XCTAssertNil(timed.nextChange(after: at("2026-03-23T09:30")))
    }

    func testTheSiteChangesAtTheEarliestOfEverything() {
        let notice = NoticeWindow(from: WrittenTime.parse("2011-01-20"), until: WrittenTime.parse("2011-01-25"), clock: london)
        let consultations = [family, ConsultationFixtures.summer]
        XCTAssertEqual(NextChange.earliest(consultations: consultations, notices: [notice], after: at("2010-11-01"), clock: london),
                       at("2010-11-15"))
        XCTAssertEqual(NextChange.earliest(consultations: consultations, notices: [notice], after: at("2011-01-19T12:00"), clock: london),
                       at("2011-01-20"))
        XCTAssertEqual(NextChange.earliest(consultations: consultations, notices: [notice], after: at("2011-04-21"), clock: london),
                       at("2011-05-03T09:00"))
        XCTAssertNil(NextChange.earliest(consultations: consultations, notices: [notice], after: at("2011-07-01"), clock: london))
        XCTAssertNil(NextChange.earliest(consultations: [Consultation](), after: at("2011-07-01"), clock: london))
        XCTAssertEqual(NextChange.earliest([nil, at("2011-02-01"), nil, at("2011-01-01")]), at("2011-01-01"))
    }
}
