import Foundation
import XCTest
@testable import TrellisKit

/// The banner's sentences, exactly as SPEC section 5 and GOV.UK write them.
final class ConsultationWordingTests: XCTestCase {
    private let london = ConsultationFixtures.london
    private func at(_ text: String) -> Date { ConsultationFixtures.at(text) }
    private func wording(_ consultation: Consultation, _ now: String) -> ConsultationWording {
        ConsultationWording(consultation: consultation, now: at(now), clock: london)
    }
    private func consultation(_ opens: String, _ closes: String, outcome: String? = nil, heldElsewhere: String? = nil,
                              extensions: [(String, String?)] = []) -> Consultation {
        ConsultationFixtures.consultation(opens: opens, closes: closes, outcome: outcome, heldElsewhere: heldElsewhere,
                                          extensions: extensions)
    }

    private let opensNov15 = #"<time datetime="2010-11-15T00:00:00+00:00">15 November 2010</time>"#
    private let closesJan31 = #"<time datetime="2011-01-31T23:59:00+00:00">11:59pm on 31 January 2011</time>"#

    func testUpcomingTheMinuteBeforeOpening() {
        let banner = wording(ConsultationFixtures.familySupport, "2010-11-14T23:59")
        XCTAssertEqual(banner, ConsultationWording(
            state: .upcoming, label: "Consultation",
            headlineHTML: "This consultation opens on " + opensNov15,
            headlineText: "This consultation opens on 15 November 2010",
            countdownText: nil, detailHTML: [], detailText: [],
            plainText: "This consultation opens on 15 November 2010."))
    }

    func testUpcomingWithATimeSaysAt() {
        let banner = wording(ConsultationFixtures.summer, "2011-05-03T08:59")
        XCTAssertEqual(banner.headlineHTML,
                       #"This consultation opens at <time datetime="2011-05-03T09:00:00+01:00">9am on 3 May 2011</time>"#)
        XCTAssertEqual(banner.headlineText, "This consultation opens at 9am on 3 May 2011")
        let atMidnight = wording(consultation("2011-05-03T00:00", "2011-06-30"), "2011-05-01")
        XCTAssertEqual(atMidnight.headlineText, "This consultation opens on 3 May 2011")
    }

    func testOpenTheMinuteAfterOpening() {
        let banner = wording(ConsultationFixtures.familySupport, "2010-11-15T00:01")
        XCTAssertEqual(banner, ConsultationWording(
            state: .open, label: "Open consultation",
            headlineHTML: "This consultation closes at " + closesJan31,
            headlineText: "This consultation closes at 11:59pm on 31 January 2011",
            countdownText: "77 days left", detailHTML: [], detailText: [],
            plainText: "This consultation closes at 11:59pm on 31 January 2011. 77 days left."))
    }

    func testOpenOnTheClosingDayAndTheMinuteBeforeClosing() {
        XCTAssertEqual(wording(ConsultationFixtures.familySupport, "2011-01-11T10:00").countdownText, "20 days left")
        XCTAssertEqual(wording(ConsultationFixtures.familySupport, "2011-01-30T09:00").countdownText, "Closing tomorrow")
        let lastMinute = wording(ConsultationFixtures.familySupport, "2011-01-31T23:59")
        XCTAssertEqual(lastMinute.headlineHTML, "This consultation closes at " + closesJan31)
        XCTAssertEqual(lastMinute.countdownText, "Closing today")
        XCTAssertEqual(lastMinute.plainText, "This consultation closes at 11:59pm on 31 January 2011. Closing today.")
    }

    func testAwaitingOutcomeTheMinuteAfterClosing() {
        let banner = wording(ConsultationFixtures.familySupport, "2011-02-01T00:00")
        XCTAssertEqual(banner.state, .awaitingOutcome)
        XCTAssertEqual(banner.label, "Closed consultation")
        XCTAssertEqual(banner.headlineHTML,
                       "We are analysing your feedback. This consultation ran from \(opensNov15) to \(closesJan31)")
        XCTAssertEqual(banner.plainText,
                       "We are analysing your feedback. This consultation ran from 15 November 2010 to 11:59pm on 31 January 2011.")
        XCTAssertNil(banner.countdownText)
    }

    func testConcludedOnceTheOutcomeIsPublished() {
        let banner = wording(ConsultationFixtures.familySupport, "2011-04-20T00:00")
        XCTAssertEqual(banner, ConsultationWording(
            state: .concluded, label: "Consultation outcome",
            headlineHTML: "This consultation has concluded", headlineText: "This consultation has concluded",
            countdownText: nil, detailHTML: [], detailText: [], plainText: "This consultation has concluded."))
    }

    func testSummerTimesCarryTheBSTOffsetAndMiddayIsWordedSo() {
        let summer = ConsultationFixtures.summer
        XCTAssertEqual(wording(summer, "2011-06-30T16:59").headlineHTML,
                       #"This consultation closes at <time datetime="2011-06-30T17:00:00+01:00">5pm on 30 June 2011</time>"#)
        XCTAssertEqual(wording(summer, "2011-07-01").headlineText,
                       "We are analysing your feedback. This consultation ran from 9am on 3 May 2011 to 5pm on 30 June 2011")
        let midday = consultation("2011-06-01", "2011-06-15T12:00")
        XCTAssertEqual(wording(midday, "2011-06-15T11:59").headlineHTML,
                       #"This consultation closes at <time datetime="2011-06-15T12:00:00+01:00">midday on 15 June 2011</time>"#)
        let midnight = consultation("2011-06-01", "2011-06-16T00:00")
        XCTAssertEqual(wording(midnight, "2011-06-15T11:59").headlineHTML,
                       #"This consultation closes at <time datetime="2011-06-15T23:59:00+01:00">11:59pm on 15 June 2011</time>"#)
    }

    func testTheClockChangeDays() {
        let spring = consultation("2010-03-28T01:30", "2010-03-28")
        XCTAssertEqual(wording(spring, "2010-03-28T00:59").headlineHTML,
                       #"This consultation opens at <time datetime="2010-03-28T02:30:00+01:00">2:30am on 28 March 2010</time>"#)
        let open = wording(spring, "2010-03-28T02:30")
        XCTAssertEqual(open.headlineHTML,
                       #"This consultation closes at <time datetime="2010-03-28T23:59:00+01:00">11:59pm on 28 March 2010</time>"#)
        XCTAssertEqual(open.countdownText, "Closing today")
        let autumn = consultation("2010-10-01", "2010-10-31")
        XCTAssertEqual(wording(autumn, "2010-10-30T12:00").headlineHTML,
                       #"This consultation closes at <time datetime="2010-10-31T23:59:00+00:00">11:59pm on 31 October 2010</time>"#)
        XCTAssertEqual(wording(autumn, "2010-10-30T12:00").countdownText, "Closing tomorrow")
    }

    func testExtensionsAreShownWithTheirEscapedReason() {
        let extended = consultation("2010-11-15", "2011-01-31",
                                    extensions: [("2011-01-14", "partners asked for <more> time & \"space\"."), ("2011-01-21", nil)])
        let banner = wording(extended, "2011-01-20T12:00")
        XCTAssertEqual(banner.detailHTML, [
            #"The closing date was extended from <time datetime="2011-01-14T23:59:00+00:00">11:59pm on 14 January 2011</time>"#
                + " because partners asked for &lt;more&gt; time &amp; &quot;space&quot;.",
            #"The closing date was extended from <time datetime="2011-01-21T23:59:00+00:00">11:59pm on 21 January 2011</time>."#,
        ])
        XCTAssertEqual(banner.plainText,
                       "This consultation closes at 11:59pm on 31 January 2011. 11 days left. "
                           + "The closing date was extended from 11:59pm on 14 January 2011 because partners asked for <more> time & \"space\". "
                           + "The closing date was extended from 11:59pm on 21 January 2011.")
        XCTAssertEqual(wording(extended, "2011-02-01").detailHTML.count, 2)
        XCTAssertEqual(wording(extended, "2010-11-01").detailHTML, [])
    }

    func testHeldElsewhereLinksToTheOtherWebsite() {
        let elsewhere = consultation("2010-11-15", "2011-01-31", heldElsewhere: "https://consult.example.org/family?a=1&b=2")
        let banner = wording(elsewhere, "2010-12-01")
        XCTAssertEqual(banner.detailHTML, [
            #"This consultation is being held on <a href="https://consult.example.org/family?a=1&amp;b=2">another website</a>."#,
        ])
        XCTAssertEqual(banner.detailText,
                       ["This consultation is being held on another website (https://consult.example.org/family?a=1&b=2)."])
        let unsafe = consultation("2010-11-15", "2011-01-31", heldElsewhere: "javascript:alert(1)")
        XCTAssertEqual(wording(unsafe, "2010-12-01").detailHTML, ["This consultation is being held on another website."])
    }

    func testEveryDayOfAnOpenConsultationHasOneCountdownAndNeverOneDayLeft() {
        var texts: [String] = []
        var now = at("2010-11-15")
        while let text = ConsultationFixtures.familySupport.countdown(at: now, clock: london) {
            texts.append(text)
            now = london.adding(days: 1, to: now)
        }
        XCTAssertEqual(texts.count, 78)
        XCTAssertEqual(texts.first, "77 days left")
        XCTAssertEqual(Array(texts.suffix(3)), ["2 days left", "Closing tomorrow", "Closing today"])
        XCTAssertFalse(texts.contains("1 day left"))
        XCTAssertFalse(texts.contains("1 days left"))
    }

    func testAReasonReadsOnFromTheDateWhateverWayItIsWritten() {
        let cases: [(String, String)] = [
            ("partners asked for more time", " because partners asked for more time"),
            ("Extended so that parents' groups could respond in January.", " so that parents' groups could respond in January"),
            ("Extended by two weeks so that schools can run sessions.", " by two weeks so that schools can run sessions"),
            ("extended, because schools asked", " because schools asked"),
            ("Because schools asked for more time", " because schools asked for more time"),
            ("To give schools time to respond", " to give schools time to respond"),
            ("Schools asked for more time.", " because schools asked for more time"),
            ("We received many requests", " because we received many requests"),
            ("Ofsted inspections took place that month", " because Ofsted inspections took place that month"),
            ("NHS partners asked for more time", " because NHS partners asked for more time"),
            ("Extended.", ""),
            ("  ", ""),
        ]
        for (reason, clause) in cases {
            XCTAssertEqual(ConsultationWording.reasonClause(reason), clause, reason)
        }
    }
}
