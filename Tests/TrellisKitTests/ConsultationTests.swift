import Foundation
import XCTest
@testable import TrellisKit

/// States at every boundary, and the errors a `consultation:` block's dates can have.
final class ConsultationTests: XCTestCase {
    private let london = ConsultationFixtures.london
    private let family = ConsultationFixtures.familySupport
    private let summer = ConsultationFixtures.summer
    private func at(_ text: String) -> Date { ConsultationFixtures.at(text) }
    private func consultation(_ opens: String, _ closes: String, outcome: String? = nil,
                              extensions: [(String, String?)] = []) -> Consultation {
        ConsultationFixtures.consultation(opens: opens, closes: closes, outcome: outcome, extensions: extensions)
    }

    // MARK: States

    func testStatesAroundDateOnlyOpeningClosingAndOutcome() {
        let expected: [(String, ConsultationState)] = [
            ("2010-11-14T23:59", .upcoming), ("2010-11-14T23:59:59", .upcoming), ("2010-11-15T00:00", .open),
            ("2010-11-15T00:01", .open), ("2011-01-31T00:00", .open), ("2011-01-31T23:59", .open),
            ("2011-01-31T23:59:59", .open), ("2011-02-01T00:00", .awaitingOutcome), ("2011-02-01T00:01", .awaitingOutcome),
            ("2011-04-19T23:59", .awaitingOutcome), ("2011-04-20T00:00", .concluded), ("2015-01-01", .concluded),
        ]
        for (now, state) in expected {
            XCTAssertEqual(family.state(at: at(now)), state, now)
        }
    }

    func testStatesAroundOpeningAndClosingTimesInSummer() {
        let expected: [(String, ConsultationState)] = [
            ("2011-05-03T08:59", .upcoming), ("2011-05-03T09:00", .open), ("2011-05-03T09:01", .open),
            ("2011-06-30T16:59", .open), ("2011-06-30T17:00", .awaitingOutcome), ("2011-06-30T17:01", .awaitingOutcome),
            ("2011-06-30T16:00:00Z", .awaitingOutcome), ("2011-06-30T15:59:59Z", .open),
        ]
        for (now, state) in expected {
            XCTAssertEqual(summer.state(at: at(now)), state, now)
        }
    }

    func testWithoutAnOutcomeItAwaitsItForever() {
        let noOutcome = consultation("2010-11-15", "2011-01-31")
        XCTAssertEqual(noOutcome.state(at: at("2030-01-01")), .awaitingOutcome)
    }

    func testAnOutcomePublishedWithATimeConcludesAtThatTime() {
        let timed = consultation("2010-11-15", "2011-01-31", outcome: "2011-04-20T10:00")
        XCTAssertEqual(timed.state(at: at("2011-04-20T09:59")), .awaitingOutcome)
        XCTAssertEqual(timed.state(at: at("2011-04-20T10:00")), .concluded)
    }

    func testOpeningAt0130OnTheSpringForwardDayOpensAt0230BST() {
        let spring = consultation("2010-03-28T01:30", "2010-04-30")
        XCTAssertEqual(spring.opens, at("2010-03-28T01:30:00Z"))
        XCTAssertEqual(spring.state(at: at("2010-03-28T01:29:00Z")), .upcoming)
        XCTAssertEqual(spring.state(at: at("2010-03-28T02:29")), .upcoming)
        XCTAssertEqual(spring.state(at: at("2010-03-28T02:30")), .open)
    }

    func testClosingOnTheClockChangeDays() {
        let spring = consultation("2010-03-01", "2010-03-28")
        XCTAssertEqual(spring.state(at: at("2010-03-28T23:59")), .open)
        XCTAssertEqual(spring.state(at: at("2010-03-28T22:59:59Z")), .open)
        XCTAssertEqual(spring.state(at: at("2010-03-29T00:00")), .awaitingOutcome)
        XCTAssertEqual(spring.state(at: at("2010-03-28T23:00:00Z")), .awaitingOutcome)
        let autumn = consultation("2010-10-01", "2010-10-31")
        XCTAssertEqual(autumn.state(at: at("2010-10-31T23:59")), .open)
        XCTAssertEqual(autumn.state(at: at("2010-11-01T00:00")), .awaitingOutcome)
    }

    func testLabelsAndNames() {
        XCTAssertEqual(ConsultationState.allCases.map(\.rawValue), ["upcoming", "open", "awaiting-outcome", "concluded"])
        XCTAssertEqual(ConsultationState.allCases.map(\.label),
                       ["Consultation", "Open consultation", "Closed consultation", "Consultation outcome"])
    }

    // MARK: Countdown

    func testCountdownCountsLocalCalendarDaysToTheClosingDayAsShown() {
        let expected: [(String, String?)] = [
            ("2010-11-14T23:59", nil), ("2011-01-11T10:00", "20 days left"), ("2011-01-29T23:59", "2 days left"),
            ("2011-01-30T00:00", "Closing tomorrow"), ("2011-01-30T23:59", "Closing tomorrow"),
            ("2011-01-31T00:00", "Closing today"), ("2011-01-31T23:59", "Closing today"), ("2011-02-01T00:00", nil),
        ]
        for (now, text) in expected {
            XCTAssertEqual(family.countdown(at: at(now), clock: london), text, now)
        }
    }

    func testCountdownForATimedCloseAndAMidnightClose() {
        XCTAssertEqual(summer.countdown(at: at("2011-06-30T16:59"), clock: london), "Closing today")
        XCTAssertEqual(summer.countdown(at: at("2011-06-29T23:59"), clock: london), "Closing tomorrow")
        let atMidnight = consultation("2011-01-01", "2011-01-31T00:00")
        XCTAssertEqual(atMidnight.countdown(at: at("2011-01-30T12:00"), clock: london), "Closing today")
        XCTAssertEqual(atMidnight.countdown(at: at("2011-01-29T12:00"), clock: london), "Closing tomorrow")
    }

    func testCountdownAcrossTheClockChanges() {
        let spring = consultation("2010-03-01", "2010-03-28")
        XCTAssertEqual(spring.countdown(at: at("2010-03-25T23:59"), clock: london), "3 days left")
        XCTAssertEqual(spring.countdown(at: at("2010-03-26T12:00"), clock: london), "2 days left")
        XCTAssertEqual(spring.countdown(at: at("2010-03-27T23:59"), clock: london), "Closing tomorrow")
        XCTAssertEqual(spring.countdown(at: at("2010-03-28T00:00"), clock: london), "Closing today")
        XCTAssertEqual(spring.countdown(at: at("2010-03-28T23:59"), clock: london), "Closing today")
        let autumn = consultation("2010-10-01", "2010-11-02")
        XCTAssertEqual(autumn.countdown(at: at("2010-10-30T23:59"), clock: london), "3 days left")
        XCTAssertEqual(autumn.countdown(at: at("2010-10-31T00:00"), clock: london), "2 days left")
        XCTAssertEqual(autumn.countdown(at: at("2010-10-31T23:59"), clock: london), "2 days left")
        XCTAssertEqual(autumn.countdown(at: at("2010-11-01T00:00"), clock: london), "Closing tomorrow")
    }

    // MARK: Validation

    private let closesAt = SourceLocation(file: "Content/frameworks/family-support.md", line: 8, column: 11)
    private let publishedAt = SourceLocation(file: "Content/frameworks/family-support.md", line: 11, column: 25)
    private let previousAt = SourceLocation(file: "Content/frameworks/family-support.md", line: 12, column: 35)

    private func validate(_ consultation: Consultation) -> [Diagnostic] {
        consultation.validate(clock: london, closesAt: closesAt, outcomePublishedAt: publishedAt, previousClosesAt: [previousAt])
    }

    func testValidDatesHaveNoErrors() {
        XCTAssertEqual(validate(family), [])
        XCTAssertEqual(validate(consultation("2010-11-15", "2010-11-15", outcome: "2010-11-16", extensions: [("2010-11-14", nil)])), [])
        XCTAssertEqual(validate(consultation("2011-05-03T09:00", "2011-06-30T17:00", outcome: "2011-06-30T17:00")), [])
    }

    func testClosingBeforeOpeningIsAnError() {
        XCTAssertEqual(validate(consultation("2010-11-15", "2010-11-10")), [
            .error(.consultationDates,
                   "the consultation closes (11:59pm on 10 November 2010) before it opens (15 November 2010); "
                       + "write a 'closes' date on or after 2010-11-15, or correct 'opens'",
                   at: closesAt),
        ])
        XCTAssertEqual(validate(consultation("2011-05-03T09:00", "2011-05-03T09:00")), [
            .error(.consultationDates,
                   "the consultation closes (9am on 3 May 2011) as soon as it opens (9am on 3 May 2011); "
                       + "write a 'closes' date on or after 2011-05-03, or correct 'opens'",
                   at: closesAt),
        ])
    }

    func testAnOutcomeBeforeTheCloseIsAnError() {
        XCTAssertEqual(validate(consultation("2010-11-15", "2011-01-31", outcome: "2011-01-31")), [
            .error(.consultationDates,
                   "the outcome is published (31 January 2011) before the consultation closes (11:59pm on 31 January 2011); "
                       + "write a 'published' date on or after 2011-02-01",
                   at: publishedAt),
        ])
        XCTAssertEqual(validate(consultation("2011-05-03T09:00", "2011-06-30T17:00", outcome: "2011-06-30T16:59")), [
            .error(.consultationDates,
                   "the outcome is published (4:59pm on 30 June 2011) before the consultation closes (5pm on 30 June 2011); "
                       + "write a 'published' date on or after 2011-07-01",
                   at: publishedAt),
        ])
    }

    func testAnExtensionFromALaterDateIsAnError() {
        XCTAssertEqual(validate(consultation("2010-11-15", "2011-01-14", extensions: [("2011-01-31", "more time")])), [
            .error(.consultationDates,
                   "the previous closing date (11:59pm on 31 January 2011) is not before the consultation closes "
                       + "(11:59pm on 14 January 2011); write the earlier closing date as 'previous_closes' "
                       + "and the new, later one as 'closes'",
                   at: previousAt),
        ])
    }

    func testEveryErrorIsReportedInOrder() {
        let all = validate(consultation("2011-02-01", "2011-01-31", outcome: "2011-01-20", extensions: [("2011-01-31", nil)]))
        XCTAssertEqual(all.map(\.location), [closesAt, publishedAt, previousAt])
        XCTAssertEqual(all.map(\.code), [.consultationDates, .consultationDates, .consultationDates])
    }

    func testAnOutcomeOverdueByTwelveWeeksIsAWarning() {
        let noOutcome = consultation("2010-11-15", "2011-01-31")
        let place = SourceLocation(file: "Content/frameworks/family-support.md", line: 6, column: 1)
        XCTAssertNil(noOutcome.overdueWarning(now: at("2011-04-26T00:00"), clock: london, at: place))
        XCTAssertEqual(noOutcome.overdueWarning(now: at("2011-04-26T00:01"), clock: london, at: place),
                       .warning(.outcomeOverdue,
                                "the consultation closed at 11:59pm on 31 January 2011, more than 12 weeks ago, and has no outcome; "
                                    + "add 'outcome: { published: 2011-04-26, summary: \"...\" }' when the outcome is published",
                                at: place))
        XCTAssertNil(family.overdueWarning(now: at("2012-01-01"), clock: london, at: place))
    }

    func testAPlannedOutcomeStillOverdueByTwelveWeeksIsAWarning() {
        let planned = consultation("2010-11-15", "2011-01-31", outcome: "2011-06-01")
        let place = SourceLocation(file: "Content/frameworks/family-support.md", line: 6, column: 1)
        XCTAssertNil(planned.overdueWarning(now: at("2011-04-26T00:00"), clock: london, at: place))
        XCTAssertEqual(planned.overdueWarning(now: at("2011-04-26T00:01"), clock: london, at: place),
                       .warning(.outcomeOverdue,
                                "the consultation closed at 11:59pm on 31 January 2011, more than 12 weeks ago, and its outcome is not "
                                    + "due until 1 June 2011; publish the outcome within 12 weeks of the close where you can, "
                                    + "and bring 'published' forward when it is",
                                at: place))
        XCTAssertNil(planned.overdueWarning(now: at("2011-06-01"), clock: london, at: place), "concluded")
    }
}
