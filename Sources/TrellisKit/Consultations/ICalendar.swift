import Foundation

/// `consultations.ics`: one RFC 5545 event per consultation period, in the site's local times.
public enum ICalendar {
    /// One consultation and the document it belongs to.
    public struct Event: Hashable, Sendable {
        /// The document id, such as `frameworks/family-support`; it makes the event's UID.
        public var id: String
        /// The document's title.
        public var title: String
        /// The absolute address of the document's page.
        public var url: String
        /// The document's one-sentence summary.
        public var summary: String?
        /// The consultation period the event spans.
        public var consultation: Consultation

        /// An event for a document's consultation.
        public init(id: String, title: String, url: String, summary: String? = nil, consultation: Consultation) {
            self.id = id
            self.title = title
            self.url = url
            self.summary = summary
            self.consultation = consultation
        }
    }

    /// The calendar text, with CRLF line endings; the same inputs always give the same bytes.
    ///
    /// `now` is the build's instant (each event's DTSTAMP, and the state its description gives);
    /// `host` is the site's host name, which makes UIDs unique to the site.
    public static func render(events: [Event], now: Date, host: String, clock: SiteClock, name: String? = nil) -> String {
        let zone = clock.timeZone.identifier == "Europe/London" ? clock.timeZone.identifier : nil
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Trellis//Consultations//EN",
            "CALSCALE:GREGORIAN",
        ]
        if let name { lines.append("X-WR-CALNAME:" + escape(name)) }
        if zone != nil { lines += londonTimeZone }
        let sorted = events.sorted { ($0.consultation.opens, $0.id) < ($1.consultation.opens, $1.id) }
        for event in sorted {
            let wording = ConsultationWording(consultation: event.consultation, now: now, clock: clock)
            let description = [event.summary, ([wording.headlineText + "."] + wording.detailText).joined(separator: " ")]
                .compactMap { $0 }.joined(separator: "\n\n")
            lines += [
                "BEGIN:VEVENT",
                "UID:" + uid(id: event.id, host: host),
                "DTSTAMP:" + GOVUKFormat.compactUTC(now),
                dateTime("DTSTART", event.consultation.opens, zone: zone, clock: clock),
                dateTime("DTEND", event.consultation.closes, zone: zone, clock: clock),
                "SUMMARY:" + escape("Consultation: " + event.title),
                "DESCRIPTION:" + escape(description),
                "URL:" + event.url,
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A UID stable across builds: `consultation-frameworks-family-support@www.example.org`.
    public static func uid(id: String, host: String) -> String {
        "consultation-" + id.replacingOccurrences(of: "/", with: "-") + "@" + host
    }

    /// `DTSTART;TZID=Europe/London:20101115T000000`, or UTC (`...Z`) for a zone with no VTIMEZONE here.
    private static func dateTime(_ property: String, _ instant: Date, zone: String?, clock: SiteClock) -> String {
        guard let zone else { return "\(property):" + GOVUKFormat.compactUTC(instant) }
        return "\(property);TZID=\(zone):" + GOVUKFormat.compact(clock.wallTime(of: instant))
    }

    /// Europe/London since 1996: BST from 01:00 GMT on the last Sunday of March to 01:00 GMT on the last Sunday of October.
    static let londonTimeZone = [
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
    ]
}
