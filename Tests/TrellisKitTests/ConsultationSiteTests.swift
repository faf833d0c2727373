import Foundation
import XCTest
@testable import TrellisKit

/// Whole sites built with `Builder.build` at many `--now` values: the page banner's exact HTML,
/// the site banner, `/consultations/`, `consultations.ics`, `data/consultations.json` and `build.json`.
final class ConsultationSiteTests: XCTestCase {
    // MARK: - Sites

    /// 2010 to 2011: dates alone, a time, midday, an explicit midnight, both clock changes, a notice.
    static let site2011: [String: String] = [
        "Content/site.yml": """
            title: Test Trust
            base_url: https://www.example.test/trust/
            language: en-GB
            timezone: Europe/London
            banners:
              - message: "Our offices are closed for training."
                from: 2011-01-10
                until: 2011-01-12
            """,
        "Content/frameworks/family-support.md": """
            ---
            title: Family Support Framework
            summary: How partners support families.
            consultation:
              opens: 2010-11-15
              closes: 2011-01-31
              respond:
                url: https://www.example.test/have-your-say/
                email: family@example.test
                address: "Family Team, 1 Example Street"
              extensions:
                - previous_closes: 2011-01-14
                  reason: "Extended so that parents' groups could respond in January."
              outcome:
                published: 2011-04-20
                summary: "Most respondents supported the framework."
                document: frameworks/family-support-response
            ---
            The framework.
            """,
        "Content/frameworks/family-support-response.md": """
            ---
            title: "Family Support Framework: what you told us"
            ---
            The responses.
            """,
        "Content/plans/summer.md": """
            ---
            title: Summer Plan
            summary: Summary of the summer plan.
            consultation:
              opens: 2011-05-03T09:00
              closes: 2011-06-30T12:00
              respond: { email: summer@example.test }
              outcome:
                published: 2011-09-01
                url: https://consult.example.test/summer/outcome
            ---
            """,
        "Content/frameworks/elsewhere.md": """
            ---
            title: Held Elsewhere Strategy
            consultation:
              opens: 2011-03-01T10:45
              closes: 2011-03-27
              held_elsewhere: https://consult.example.test/elsewhere
              respond: { email: elsewhere@example.test }
            ---
            """,
        "Content/frameworks/autumn.md": """
            ---
            title: Autumn Framework
            consultation:
              opens: 2011-10-01
              closes: 2011-11-02
            ---
            """,
        "Content/frameworks/autumn-midnight.md": """
            ---
            title: Autumn Midnight Framework
            consultation:
              opens: 2011-10-01
              closes: 2011-10-30T00:00
            ---
            """,
    ]

    /// The example site's consultations of 2026 and 2027, with its two notices.
    static let site2026: [String: String] = [
        "Content/site.yml": """
            title: Test Trust
            base_url: https://www.example.test/
            timezone: Europe/London
            banners:
              - message: "Pre-election period."
                from: 2026-11-16
                until: 2026-12-10
              - message: "Planned maintenance."
                from: 2027-01-04
                until: 2027-01-06
            """,
        "Content/frameworks/participation.md": """
            ---
            title: Participation Strategy
            consultation:
              opens: 2026-09-07
              closes: 2026-10-30
              respond: { email: youth.voice@example.test }
            ---
            """,
        "Content/plans/cypp.md": """
            ---
            title: Children and Young People's Plan
            consultation:
              opens: 2026-11-02
              closes: 2026-12-18
              respond: { url: "https://www.example.test/have-your-say/", email: cypp@example.test }
              extensions:
                - previous_closes: 2026-12-04
                  reason: "Extended by two weeks so that schools can run sessions with pupils before the end of term."
            ---
            """,
        "Content/frameworks/early-help.md": """
            ---
            title: Early Help Strategy
            consultation:
              opens: 2027-01-11T09:00
              closes: 2027-03-05T17:00
              held_elsewhere: https://consult.example.test/early-help
              respond: { url: "https://consult.example.test/early-help/respond" }
            ---
            """,
    ]

    private var site: InlineSite!
    private var site26: InlineSite!

    override func setUpWithError() throws {
        site = try InlineSite(Self.site2011)
        site26 = try InlineSite(Self.site2026)
    }

    override func tearDown() {
        site = nil
        site26 = nil
    }

    // MARK: - Each state, exactly

    func testTheWholeBannerOfAnOpenConsultation() throws {
        let page = try site.build(at: "2011-01-11T10:00").page("frameworks/family-support/")
        XCTAssertEqual(Banner.of(page), """
            <div class="consultation-banner consultation-open" role="region" aria-labelledby="section-consultation-banner" \
            data-state="open" data-opens="2010-11-15T00:00:00+00:00" \
            data-closes="2011-02-01T00:00:00+00:00" data-closes-shown="2011-01-31T23:59:00+00:00" \
            data-time-zone="Europe/London" data-next-change="2011-01-12T00:00:00+00:00">
            <p class="consultation-label" id="section-consultation-banner"><span class="state-tag">Open consultation</span></p>
            <p class="consultation-headline" data-opens-text="15 November 2010" data-closes-text="11:59pm on 31 January 2011">\
            <span class="consultation-now">This consultation closes at <time datetime="2011-01-31T23:59:00+00:00">11:59pm on 31 January 2011</time> \
            <strong class="countdown">20 days left</strong></span></p>
            <p class="consultation-detail">The closing date was extended from <time datetime="2011-01-14T23:59:00+00:00">11:59pm on 14 January 2011</time> \
            so that parents&#39; groups could respond in January.</p>
            </div>
            """)
        XCTAssertTrue(page.contains(#"<h3 id="section-ways-to-respond">Ways to respond</h3>"#))
        XCTAssertTrue(page.contains(#"<li><a href="https://www.example.test/have-your-say/">Respond online</a></li>"#))
        XCTAssertTrue(page.contains(#"<li>Email: <a href="mailto:family@example.test">family@example.test</a></li>"#))
        XCTAssertTrue(page.contains(#"<li>Write to: <span class="address">Family Team, 1 Example Street</span></li>"#))
    }

    func testTheMinuteBeforeAndAfterOpeningADateAlone() throws {
        let before = try site.build(at: "2010-11-14T23:59")
        let upcoming = Banner(try before.page("frameworks/family-support/"))
        XCTAssertEqual(upcoming.state, "upcoming")
        XCTAssertEqual(upcoming.label, "Consultation")
        XCTAssertEqual(upcoming.headline, #"This consultation opens on <time datetime="2010-11-15T00:00:00+00:00">15 November 2010</time>"#)
        XCTAssertEqual(upcoming.details, [], "extensions are not shown before it opens")
        XCTAssertFalse(try before.page("frameworks/family-support/").contains("Ways to respond"))
        XCTAssertEqual(try before.buildJSON(), #"{"next_change":"2010-11-15T00:00:00+00:00","now":"2010-11-14T23:59:00+00:00"}"#)

        for now in ["2010-11-15", "2010-11-15T00:01"] {
            let built = try site.build(at: now)
            let open = Banner(try built.page("frameworks/family-support/"))
            XCTAssertEqual(open.state, "open", now)
            XCTAssertEqual(open.label, "Open consultation")
            XCTAssertEqual(open.headline, #"This consultation closes at <time datetime="2011-01-31T23:59:00+00:00">11:59pm on 31 January 2011</time>"#
                + #" <strong class="countdown">77 days left</strong>"#)
            XCTAssertTrue(try built.page("frameworks/family-support/").contains("Ways to respond"))
            XCTAssertEqual(try built.nextChange(), "2010-11-16T00:00:00+00:00")
        }
    }

    func testTheCountdownOnTheLastDaysAndTheMinuteBeforeAndAfterTheClose() throws {
        let cases: [(String, String, String)] = [
            ("2011-01-29T23:59", "2 days left", "2011-01-30T00:00:00+00:00"),
            ("2011-01-30", "Closing tomorrow", "2011-01-31T00:00:00+00:00"),
            ("2011-01-31", "Closing today", "2011-02-01T00:00:00+00:00"),
            ("2011-01-31T12:00", "Closing today", "2011-02-01T00:00:00+00:00"),
            ("2011-01-31T23:59", "Closing today", "2011-02-01T00:00:00+00:00"),
        ]
        for (now, countdown, next) in cases {
            let built = try site.build(at: now)
            let banner = Banner(try built.page("frameworks/family-support/"))
            XCTAssertEqual(banner.state, "open", now)
            XCTAssertTrue(banner.headline.hasSuffix(#"<strong class="countdown">\#(countdown)</strong>"#), "\(now): \(banner.headline)")
            XCTAssertEqual(try built.nextChange(), next, now)
        }
        for now in ["2011-02-01", "2011-02-01T00:01", "2011-04-19T23:59"] {
            let built = try site.build(at: now)
            let page = try built.page("frameworks/family-support/")
            let banner = Banner(page)
            XCTAssertEqual(banner.state, "awaiting-outcome", now)
            XCTAssertEqual(banner.label, "Closed consultation")
            XCTAssertEqual(banner.headline, "We are analysing your feedback. This consultation ran from "
                + #"<time datetime="2010-11-15T00:00:00+00:00">15 November 2010</time> to "#
                + #"<time datetime="2011-01-31T23:59:00+00:00">11:59pm on 31 January 2011</time>"#)
            XCTAssertEqual(banner.details, [#"The closing date was extended from <time datetime="2011-01-14T23:59:00+00:00">11:59pm on 14 January 2011</time>"#
                + " so that parents&#39; groups could respond in January."])
            XCTAssertFalse(page.contains("Ways to respond"), now)
            XCTAssertFalse(page.contains("countdown"), now)
            XCTAssertEqual(try built.nextChange(), now == "2011-04-19T23:59" ? "2011-04-20T00:00:00+01:00" : "2011-03-01T10:45:00+00:00", now)
        }
    }

    func testAConcludedConsultationLinksToItsOutcome() throws {
        let built = try site.build(at: "2011-04-20")
        let page = try built.page("frameworks/family-support/")
        let banner = Banner(page)
        XCTAssertEqual(banner.state, "concluded")
        XCTAssertEqual(banner.label, "Consultation outcome")
        XCTAssertEqual(banner.headline, "This consultation has concluded")
        XCTAssertEqual(banner.details, [])
        XCTAssertEqual(banner.outcome, #"The outcome was published on <time datetime="2011-04-20T00:00:00+01:00">20 April 2011</time>."#
            + #" <a href="../../frameworks/family-support-response/">Read the outcome: Family Support Framework: what you told us</a>"#)
        XCTAssertTrue(page.contains("<h3 id=\"section-consultation-outcome\">Outcome</h3>\n<p>Most respondents supported the framework.</p>"))
        XCTAssertFalse(page.contains("Ways to respond"))

        let summer = try site.build(at: "2011-09-01").page("plans/summer/")
        XCTAssertEqual(Banner(summer).outcome, #"The outcome was published on <time datetime="2011-09-01T00:00:00+01:00">1 September 2011</time>."#
            + #" <a href="https://consult.example.test/summer/outcome">Read the outcome</a>"#)
        XCTAssertFalse(summer.contains(#"<section class="consultation""#),
                       "an outcome without a summary has no section, and never borrows the page's summary")
    }

    func testATimeOfDayMiddayAndSummerOffsets() throws {
        let before = Banner(try site.build(at: "2011-05-03T08:59").page("plans/summer/"))
        XCTAssertEqual(before.headline, #"This consultation opens at <time datetime="2011-05-03T09:00:00+01:00">9am on 3 May 2011</time>"#)
        for now in ["2011-05-03T09:00", "2011-05-03T09:01"] {
            let open = Banner(try site.build(at: now).page("plans/summer/"))
            XCTAssertEqual(open.headline, #"This consultation closes at <time datetime="2011-06-30T12:00:00+01:00">midday on 30 June 2011</time>"#
                + #" <strong class="countdown">58 days left</strong>"#, now)
        }
        let lastMinute = try site.build(at: "2011-06-30T11:59")
        XCTAssertTrue(Banner(try lastMinute.page("plans/summer/")).headline.hasSuffix(#"<strong class="countdown">Closing today</strong>"#))
        XCTAssertEqual(try lastMinute.nextChange(), "2011-06-30T12:00:00+01:00")
        for now in ["2011-06-30T12:00", "2011-06-30T12:01"] {
            let closed = Banner(try site.build(at: now).page("plans/summer/"))
            XCTAssertEqual(closed.headline, "We are analysing your feedback. This consultation ran from "
                + #"<time datetime="2011-05-03T09:00:00+01:00">9am on 3 May 2011</time> to "#
                + #"<time datetime="2011-06-30T12:00:00+01:00">midday on 30 June 2011</time>"#, now)
        }
    }

    func testHeldElsewhereSaysSoOnceAndHasNoWaysToRespond() throws {
        let upcoming = try site.build(at: "2011-02-28").page("frameworks/elsewhere/")
        XCTAssertEqual(Banner(upcoming).headline, #"This consultation opens at <time datetime="2011-03-01T10:45:00+00:00">10:45am on 1 March 2011</time>"#)
        let page = try site.build(at: "2011-03-10").page("frameworks/elsewhere/")
        XCTAssertEqual(Banner(page).details,
                       [#"This consultation is being held on <a href="https://consult.example.test/elsewhere">another website</a>."#])
        XCTAssertEqual(page.components(separatedBy: "being held on").count, 2)
        XCTAssertFalse(page.contains("Ways to respond"))
        XCTAssertFalse(page.contains("elsewhere@example.test"))
    }

    func testTheSpringClockChange() throws {
        let saturday = try site.build(at: "2011-03-26T12:00")
        XCTAssertEqual(Banner(try saturday.page("frameworks/elsewhere/")).headline,
                       #"This consultation closes at <time datetime="2011-03-27T23:59:00+01:00">11:59pm on 27 March 2011</time>"#
                        + #" <strong class="countdown">Closing tomorrow</strong>"#)
        XCTAssertEqual(try saturday.nextChange(), "2011-03-27T00:00:00+00:00")
        for now in ["2011-03-27T00:00", "2011-03-27T00:59", "2011-03-27T03:00", "2011-03-27T23:59"] {
            let sunday = try site.build(at: now)
            XCTAssertTrue(Banner(try sunday.page("frameworks/elsewhere/")).headline.hasSuffix(">Closing today</strong>"), now)
            XCTAssertEqual(try sunday.nextChange(), "2011-03-28T00:00:00+01:00", now)
        }
        let monday = Banner(try site.build(at: "2011-03-28").page("frameworks/elsewhere/"))
        XCTAssertEqual(monday.headline, "We are analysing your feedback. This consultation ran from "
            + #"<time datetime="2011-03-01T10:45:00+00:00">10:45am on 1 March 2011</time> to "#
            + #"<time datetime="2011-03-27T23:59:00+01:00">11:59pm on 27 March 2011</time>"#)
    }

    func testTheAutumnClockChangeAndAnExplicitMidnight() throws {
        let saturday = try site.build(at: "2011-10-29T12:00")
        XCTAssertEqual(Banner(try saturday.page("frameworks/autumn/")).headline,
                       #"This consultation closes at <time datetime="2011-11-02T23:59:00+00:00">11:59pm on 2 November 2011</time>"#
                        + #" <strong class="countdown">4 days left</strong>"#)
        XCTAssertEqual(Banner(try saturday.page("frameworks/autumn-midnight/")).headline,
                       #"This consultation closes at <time datetime="2011-10-29T23:59:00+01:00">11:59pm on 29 October 2011</time>"#
                        + #" <strong class="countdown">Closing today</strong>"#)
        XCTAssertEqual(try saturday.nextChange(), "2011-10-30T00:00:00+01:00")
        let sunday = try site.build(at: "2011-10-30T00:00")
        XCTAssertTrue(Banner(try sunday.page("frameworks/autumn/")).headline.hasSuffix(">3 days left</strong>"))
        XCTAssertEqual(Banner(try sunday.page("frameworks/autumn-midnight/")).headline, "We are analysing your feedback. "
            + #"This consultation ran from <time datetime="2011-10-01T00:00:00+01:00">1 October 2011</time> to "#
            + #"<time datetime="2011-10-29T23:59:00+01:00">11:59pm on 29 October 2011</time>"#)
        XCTAssertEqual(try sunday.nextChange(), "2011-10-31T00:00:00+00:00", "the 25-hour day")
        let late = try site.build(at: "2011-10-30T23:30")
        XCTAssertTrue(Banner(try late.page("frameworks/autumn/")).headline.hasSuffix(">3 days left</strong>"))
    }

    // MARK: - Every page

    func testOneBannerPerPageImmediatelyBeforeTheHeadingAndNeverAnAlert() throws {
        for now in ["2010-11-14", "2011-01-20", "2011-02-15", "2011-05-03T10:00", "2011-10-29"] {
            let built = try site.build(at: now)
            for path in try built.htmlPages() {
                let page = try built.file(path)
                XCTAssertFalse(page.contains(#"role="alert""#), path)
                let count = page.components(separatedBy: #"<div class="consultation-banner"#).count - 1
                XCTAssertLessThanOrEqual(count, 1, path)
                guard count == 1, let banner = Banner.of(page) else { continue }
                let after = page.components(separatedBy: banner)[1]
                XCTAssertTrue(after.drop { $0.isWhitespace }.hasPrefix("<h1>"), "\(now) \(path): the banner is not just before the h1")
                XCTAssertTrue(banner.contains(#"role="region" aria-labelledby="section-consultation-banner""#))
                XCTAssertEqual(page.components(separatedBy: #"id="section-consultation-banner""#).count - 1, 1, path)
            }
        }
    }

    func testTheSiteBannerListsOpenConsultationsAndNoticesInsideTheirWindow() throws {
        let quiet = try site.build(at: "2010-11-14T23:59").page("")
        XCTAssertFalse(quiet.contains("site-banner"), "nothing open and no notice: no site banner at all")

        let open = try site.build(at: "2011-01-09T23:59")
        let home = try open.page("")
        XCTAssertTrue(home.contains(#"<div class="site-banner" role="region" aria-label="Notices and consultations open now">"#))
        XCTAssertFalse(home.contains("Our offices are closed"))
        XCTAssertTrue(home.contains(#"<a href="frameworks/family-support/">Family Support Framework</a>: closes at "#
            + #"<time datetime="2011-01-31T23:59:00+00:00">11:59pm on 31 January 2011</time> <span class="countdown">(22 days left)</span></li>"#))
        XCTAssertEqual(try open.nextChange(), "2011-01-10T00:00:00+00:00")
        let deep = try open.page("frameworks/family-support/")
        XCTAssertTrue(deep.contains(#"<a href="../../frameworks/family-support/">Family Support Framework</a>: closes at "#))

        for now in ["2011-01-10", "2011-01-12T23:59"] {
            let built = try site.build(at: now)
            XCTAssertTrue(try built.page("plans/summer/").contains(#"<p class="notice"><strong>Notice:</strong> Our offices are closed for training.</p>"#), now)
        }
        XCTAssertEqual(try site.build(at: "2011-01-12T12:00").nextChange(), "2011-01-13T00:00:00+00:00")
        XCTAssertFalse(try site.build(at: "2011-01-13").page("").contains("Our offices are closed"))

        let two = try site.build(at: "2011-10-29T12:00").page("")
        let first = try XCTUnwrap(two.range(of: "Autumn Midnight Framework</a>"))
        let second = try XCTUnwrap(two.range(of: "Autumn Framework</a>"))
        XCTAssertLessThan(first.lowerBound, second.lowerBound, "closing soonest first")
        XCTAssertFalse(try site.build(at: "2011-02-01").page("").contains("site-banner"))
    }

    func testTheConsultationsPageInItsOrderWithItsFeeds() throws {
        let page = try site.build(at: "2011-10-29T12:00").page("consultations/")
        XCTAssertTrue(page.contains(#"<a href="../consultations.ics" rel="alternate" type="text/calendar">Add consultations to your calendar</a>"#))
        XCTAssertTrue(page.contains(#"<a href="../data/consultations.json" rel="alternate" type="application/json">"#))
        let order = ["Open consultations", "Autumn Midnight Framework", "Autumn Framework", "Upcoming consultations",
                     "Awaiting outcome", "Held Elsewhere Strategy", "Outcomes", "Summer Plan", "Family Support Framework<"]
        var rest = Substring(page)
        for text in order {
            let found = try XCTUnwrap(rest.range(of: text), "\(text) missing or out of order")
            rest = rest[found.upperBound...]
        }
        XCTAssertTrue(page.contains("<p>None at the moment.</p>"), "no upcoming consultation")
        XCTAssertTrue(page.contains(#"<p><a href="../frameworks/family-support-response/">Read the outcome: "#))
    }

    // MARK: - Files

    func testTheCalendarIsDeterministicWithStableUIDsAndLondonTimes() throws {
        let first = try site.build(at: "2011-01-20T09:30").file("consultations.ics")
        let again = try site.build(at: "2011-01-20T09:30").file("consultations.ics")
        XCTAssertEqual(first, again)
        let lines = first.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "BEGIN:VCALENDAR")
        XCTAssertTrue(lines.contains("X-WR-CALNAME:Test Trust: consultations"))
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, 5)
        XCTAssertEqual(lines.filter { $0.hasPrefix("DTSTAMP:") }.distinct(), ["DTSTAMP:20110120T093000Z"])
        XCTAssertEqual(lines.filter { $0.hasPrefix("UID:") }, [
            "UID:consultation-frameworks-family-support@www.example.test",
            "UID:consultation-frameworks-elsewhere@www.example.test",
            "UID:consultation-plans-summer@www.example.test",
            "UID:consultation-frameworks-autumn@www.example.test",
            "UID:consultation-frameworks-autumn-midnight@www.example.test",
        ])
        let family = lines.drop { $0 != "UID:consultation-frameworks-family-support@www.example.test" }.prefix { $0 != "END:VEVENT" }
        XCTAssertEqual(Array(family), [
            "UID:consultation-frameworks-family-support@www.example.test",
            "DTSTAMP:20110120T093000Z",
            "DTSTART;TZID=Europe/London:20101115T000000",
            "DTEND;TZID=Europe/London:20110201T000000",
            "SUMMARY:Consultation: Family Support Framework",
            "DESCRIPTION:How partners support families.\\n\\nThis consultation closes at 11:59pm on 31 January 2011. "
                + "The closing date was extended from 11:59pm on 14 January 2011 so that parents' groups could respond in January.",
            "URL:https://www.example.test/trust/frameworks/family-support/",
            "TRANSP:TRANSPARENT",
        ])
        XCTAssertTrue(lines.contains("DTSTART;TZID=Europe/London:20110503T090000"))
        XCTAssertTrue(lines.contains("DTEND;TZID=Europe/London:20110630T120000"))
        let later = try site.build(at: "2011-02-01").file("consultations.ics")
        XCTAssertNotEqual(first, later, "DTSTAMP and descriptions follow the build's now")
        XCTAssertEqual(later.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") },
                       first.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") })
    }

    func testTheJSONHasEveryConsultationAtNowWithSortedKeys() throws {
        let text = try site.build(at: "2011-01-11T10:00").file("data/consultations.json")
        XCTAssertEqual(text, try site.build(at: "2011-01-11T10:00").file("data/consultations.json"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(root["now"] as? String, "2011-01-11T10:00:00+00:00")
        XCTAssertEqual(root["time_zone"] as? String, "Europe/London")
        XCTAssertEqual(root["calendar"] as? String, "https://www.example.test/trust/consultations.ics")
        let items = try XCTUnwrap(root["consultations"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["reference"] as? String }, ["frameworks/autumn", "frameworks/autumn-midnight", "frameworks/elsewhere",
                                                                 "frameworks/family-support", "plans/summer"])
        let family = items[3]
        XCTAssertEqual(family["title"] as? String, "Family Support Framework")
        XCTAssertEqual(family["url"] as? String, "https://www.example.test/trust/frameworks/family-support/")
        XCTAssertEqual(family["state"] as? String, "open")
        XCTAssertEqual(family["label"] as? String, "Open consultation")
        XCTAssertEqual(family["opens"] as? String, "2010-11-15T00:00:00+00:00")
        XCTAssertEqual(family["closes"] as? String, "2011-01-31T23:59:00+00:00")
        XCTAssertEqual(family["ends"] as? String, "2011-02-01T00:00:00+00:00")
        XCTAssertEqual(family["countdown"] as? String, "20 days left")
        XCTAssertEqual(family["banner"] as? String, "This consultation closes at 11:59pm on 31 January 2011. 20 days left. "
            + "The closing date was extended from 11:59pm on 14 January 2011 so that parents' groups could respond in January.")
        XCTAssertEqual(family["respond"] as? [String: String], ["url": "https://www.example.test/have-your-say/",
                                                                "email": "family@example.test", "address": "Family Team, 1 Example Street"])
        XCTAssertTrue(family["held_elsewhere"] is NSNull)
        let outcome = try XCTUnwrap(family["outcome"] as? [String: Any])
        XCTAssertEqual(outcome["published"] as? String, "2011-04-20T00:00:00+01:00")
        XCTAssertEqual((outcome["document"] as? [String: String])?["url"], "https://www.example.test/trust/frameworks/family-support-response/")
        XCTAssertEqual(family["extensions"] as? [[String: String]],
                       [["previous_closes": "2011-01-14T23:59:00+00:00", "reason": "Extended so that parents' groups could respond in January."]])
        XCTAssertEqual(items[2]["held_elsewhere"] as? String, "https://consult.example.test/elsewhere")
        XCTAssertEqual(items[2]["state"] as? String, "upcoming")
        XCTAssertTrue(items[2]["countdown"] is NSNull)
        XCTAssertTrue(text.hasPrefix("{\n  \"calendar\": \"https://www.example.test/trust/consultations.ics\",\n  \"consultations\": [\n    {\n      \"banner\": "))
        XCTAssertTrue(text.hasSuffix("\n  \"now\": \"2011-01-11T10:00:00+00:00\",\n  \"time_zone\": \"Europe/London\"\n}\n"))
    }

    func testAnOutcomeOverdueByTwelveWeeksWarnsAtTheConsultation() throws {
        let waiting = try InlineSite(Self.site2026)
        let onTime = try waiting.build(at: "2027-01-22T23:59")
        XCTAssertFalse(onTime.result.diagnostics.contains { $0.code == .outcomeOverdue })
        let late = try waiting.build(at: "2027-01-23T00:01")
        let warnings = late.result.diagnostics.filter { $0.code == .outcomeOverdue }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(warnings.first?.severity, .warning)
        XCTAssertEqual(warnings.first?.location?.file, "Content/frameworks/participation.md")
        XCTAssertEqual(warnings.first?.location?.line, 3)
        XCTAssertEqual(warnings.first?.formatted.hasPrefix("Content/frameworks/participation.md:3:1: warning: the consultation closed at "
            + "11:59pm on 30 October 2026, more than 12 weeks ago, and has no outcome"), true, warnings.first?.formatted ?? "")
        XCTAssertTrue(late.result.wrote, "a warning does not stop the build")
    }

    // MARK: - The example site's 2026 and 2027 consultations

    func testTheExampleSitesConsultationsAroundTheirDates() throws {
        let today = try site26.build(at: "2026-11-22T10:00")
        XCTAssertEqual(Banner(try today.page("frameworks/participation/")).state, "awaiting-outcome")
        XCTAssertEqual(Banner(try today.page("frameworks/early-help/")).state, "upcoming")
        let cypp = Banner(try today.page("plans/cypp/"))
        XCTAssertEqual(cypp.headline, #"This consultation closes at <time datetime="2026-12-18T23:59:00+00:00">11:59pm on 18 December 2026</time>"#
            + #" <strong class="countdown">26 days left</strong>"#)
        XCTAssertEqual(cypp.details, [#"The closing date was extended from <time datetime="2026-12-04T23:59:00+00:00">11:59pm on 4 December 2026</time>"#
            + " by two weeks so that schools can run sessions with pupils before the end of term."])
        XCTAssertEqual(try today.nextChange(), "2026-11-23T00:00:00+00:00")
        XCTAssertTrue(try today.page("").contains("Pre-election period."))

        XCTAssertEqual(Banner(try site26.build(at: "2026-10-30T23:59").page("frameworks/participation/")).headline,
                       #"This consultation closes at <time datetime="2026-10-30T23:59:00+00:00">11:59pm on 30 October 2026</time>"#
                        + #" <strong class="countdown">Closing today</strong>"#)
        XCTAssertEqual(Banner(try site26.build(at: "2026-10-31").page("frameworks/participation/")).headline,
                       "We are analysing your feedback. This consultation ran from "
                        + #"<time datetime="2026-09-07T00:00:00+01:00">7 September 2026</time> to "#
                        + #"<time datetime="2026-10-30T23:59:00+00:00">11:59pm on 30 October 2026</time>"#)
        XCTAssertEqual(Banner(try site26.build(at: "2026-11-01T23:59").page("plans/cypp/")).headline,
                       #"This consultation opens on <time datetime="2026-11-02T00:00:00+00:00">2 November 2026</time>"#)
        XCTAssertEqual(Banner(try site26.build(at: "2026-12-17").page("plans/cypp/")).headline.hasSuffix(">Closing tomorrow</strong>"), true)
        let closing = try site26.build(at: "2026-12-18T23:59")
        XCTAssertEqual(try closing.nextChange(), "2026-12-19T00:00:00+00:00")
        XCTAssertEqual(Banner(try site26.build(at: "2026-12-19").page("plans/cypp/")).state, "awaiting-outcome")

        let beforeOpening = try site26.build(at: "2027-01-11T08:59")
        let early = Banner(try beforeOpening.page("frameworks/early-help/"))
        XCTAssertEqual(early.headline, #"This consultation opens at <time datetime="2027-01-11T09:00:00+00:00">9am on 11 January 2027</time>"#)
        XCTAssertEqual(early.details, [#"This consultation is being held on <a href="https://consult.example.test/early-help">another website</a>."#])
        XCTAssertEqual(try beforeOpening.nextChange(), "2027-01-11T09:00:00+00:00")
        let opened = try site26.build(at: "2027-01-11T09:00")
        XCTAssertEqual(Banner(try opened.page("frameworks/early-help/")).headline,
                       #"This consultation closes at <time datetime="2027-03-05T17:00:00+00:00">5pm on 5 March 2027</time>"#
                        + #" <strong class="countdown">53 days left</strong>"#)
        XCTAssertFalse(try opened.page("frameworks/early-help/").contains("Ways to respond"))
        XCTAssertEqual(try site26.build(at: "2027-03-05T16:59").nextChange(), "2027-03-05T17:00:00+00:00")
        XCTAssertEqual(Banner(try site26.build(at: "2027-03-05T17:00").page("frameworks/early-help/")).headline,
                       "We are analysing your feedback. This consultation ran from "
                        + #"<time datetime="2027-01-11T09:00:00+00:00">9am on 11 January 2027</time> to "#
                        + #"<time datetime="2027-03-05T17:00:00+00:00">5pm on 5 March 2027</time>"#)

        let maintenance = try site26.build(at: "2027-01-05")
        XCTAssertTrue(try maintenance.page("").contains("Planned maintenance."))
        XCTAssertFalse(try maintenance.page("").contains("Pre-election period."))
        XCTAssertEqual(try site26.build(at: "2027-01-06T12:00").nextChange(), "2027-01-07T00:00:00+00:00")
    }
}

// MARK: - Helpers (this file's own: a site written to a temporary folder and built in process)

/// A site written file by file into a temporary folder, removed when released.
private final class InlineSite {
    let folder: URL

    /// Writes each `path: text` under a new temporary folder (text is written as given, with a final newline).
    init(_ files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("trellis-consultation-site-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Builds the site as it stands at `now` (written as for `--now`) into its own output folder.
    func build(at now: String, file: StaticString = #filePath, line: UInt = #line) throws -> Built {
        let written = try XCTUnwrap(WrittenTime.parse(now), "not a --now value: \(now)", file: file, line: line)
        let output = folder.appendingPathComponent("Public-" + now.replacingOccurrences(of: ":", with: "-"), isDirectory: true)
        let result = Builder.build(BuildOptions(site: folder, output: output, now: Date(), nowWritten: written))
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.formatted)
        XCTAssertEqual(errors, [], "building at \(now)", file: file, line: line)
        return Built(result: result, output: output)
    }

    /// One build's result and output folder.
    struct Built {
        let result: BuildResult
        let output: URL

        /// A file of the output as text.
        func file(_ path: String) throws -> String {
            let data = try Data(contentsOf: output.appendingPathComponent(path))
            return String(decoding: data, as: UTF8.self)
        }

        /// The HTML of the page at a site path such as `plans/x/` (`""` for the home page).
        func page(_ path: String) throws -> String { try file(path + "index.html") }

        /// `build.json` without its final newline.
        func buildJSON() throws -> String { try file("build.json").trimmingCharacters(in: .newlines) }

        /// `next_change` from build.json, or nil for null.
        func nextChange() throws -> String? {
            let object = try JSONSerialization.jsonObject(with: Data(try file("build.json").utf8)) as? [String: Any]
            return object?["next_change"] as? String
        }

        /// Every HTML file's path in the output.
        func htmlPages() throws -> [String] {
            let walker = FileManager.default.enumerator(atPath: output.path)
            var paths: [String] = []
            while let path = walker?.nextObject() as? String {
                if path.hasSuffix(".html") { paths.append(path) }
            }
            return paths.sorted()
        }
    }
}

/// The page banner's parts, as HTML, read from a built page.
private struct Banner {
    let html: String

    init(_ page: String) { html = Banner.of(page) ?? "" }

    /// The whole `<div class="consultation-banner ...">...</div>`.
    static func of(_ page: String) -> String? {
        guard let start = page.range(of: #"<div class="consultation-banner"#),
              let end = page.range(of: "</div>", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// `data-state`.
    var state: String { between(#"data-state=""#, #"""#) }
    /// The state tag's text.
    var label: String { between(#"<span class="state-tag">"#, "</span>") }
    /// The headline paragraph's inner HTML, countdown included.
    var headline: String { between(#"<span class="consultation-now">"#, "</span></p>\n") }
    /// Each detail paragraph's inner HTML.
    var details: [String] {
        html.components(separatedBy: #"<p class="consultation-detail">"#).dropFirst().map { $0.components(separatedBy: "</p>\n")[0] }
    }
    /// The outcome paragraph's inner HTML.
    var outcome: String { between(#"<p class="consultation-outcome">"#, "</p>\n") }

    private func between(_ start: String, _ end: String) -> String {
        guard let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else { return "" }
        return String(html[from.upperBound..<to.lowerBound])
    }
}

extension Array where Element: Hashable {
    fileprivate func distinct() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
