import Foundation

/// `consultations.ics` and `data/consultations.json`: every consultation on the site, as it stands at the build's `now`.
///
/// Both depend only on the content and `now`, so the same build gives the same bytes.
enum ConsultationOutputs {
    /// The calendar's path in the output folder.
    static let calendarPath = "consultations.ics"
    /// The JSON's path in the output folder.
    static let jsonPath = "data/consultations.json"

    /// Both files.
    static func files(_ site: SiteContext) -> [OutputFile] {
        [
            OutputFile(path: calendarPath, data: Data(calendar(site).utf8)),
            OutputFile(path: jsonPath, data: Data(json(site).utf8)),
        ]
    }

    /// Documents with a consultation, by reference.
    static func documents(_ site: SiteContext) -> [(Document, Consultation)] {
        site.index.documents.compactMap { document in document.consultation.map { (document, $0.value) } }
            .sorted { $0.0.reference < $1.0.reference }
    }

    /// The host that makes calendar UIDs unique to the site: `www.example.org`.
    static func host(_ site: SiteContext) -> String {
        URL(string: site.index.settings.baseURL)?.host?.lowercased() ?? "trellis.invalid"
    }

    /// The absolute address of a path in the site: `https://www.example.org/trust/plans/x/`.
    static func absolute(_ site: SiteContext, _ path: String) -> String {
        let base = site.index.settings.baseURL
        return (base.hasSuffix("/") ? base : base + "/") + path
    }

    /// One VEVENT per consultation period, UIDs from the document reference and the host, DTSTAMP the build's `now`.
    static func calendar(_ site: SiteContext) -> String {
        let events = documents(site).map { document, consultation in
            ICalendar.Event(id: document.reference, title: document.title, url: absolute(site, document.sitePath),
                            summary: document.summary, consultation: consultation)
        }
        return ICalendar.render(events: events, now: site.now, host: host(site), clock: site.clock,
                                name: "\(site.index.settings.title): consultations")
    }

    /// Every consultation with its state, banner text and dates at `now`; keys sorted.
    static func json(_ site: SiteContext) -> String {
        let format = site.format
        let items = documents(site).map { document, consultation -> JSONValue in
            let wording = ConsultationWording(consultation: consultation, now: site.now, clock: site.clock)
            var respond = JSONValue.null
            if let ways = consultation.respond, !ways.isEmpty {
                respond = .object(["url": .text(ways.url), "email": .text(ways.email), "address": .text(ways.address)])
            }
            var outcome = JSONValue.null
            if let result = consultation.outcome {
                var linked = JSONValue.null
                if let reference = result.document, let target = site.index.document(reference: reference) {
                    linked = .object(["reference": .string(target.reference), "title": .string(target.title),
                                      "url": .string(absolute(site, target.sitePath))])
                }
                outcome = .object([
                    "published": .string(format.iso(result.published)), "summary": .text(result.summary),
                    "url": .text(result.url), "document": linked,
                ])
            }
            return .object([
                "reference": .string(document.reference),
                "title": .string(document.title),
                "url": .string(absolute(site, document.sitePath)),
                "state": .string(wording.state.rawValue),
                "label": .string(wording.label),
                "opens": .string(format.iso(consultation.opens)),
                "closes": .string(format.closingISO(consultation.closes)),
                "ends": .string(format.iso(consultation.closes)),
                "banner": .string(wording.plainText),
                "countdown": .text(wording.countdownText),
                "respond": respond,
                "held_elsewhere": .text(consultation.heldElsewhere),
                "outcome": outcome,
                "extensions": .array(consultation.extensions.map { change in
                    .object(["previous_closes": .string(format.closingISO(change.previousCloses)), "reason": .text(change.reason)])
                }),
            ])
        }
        return JSONValue.object([
            "now": .string(format.iso(site.now)),
            "time_zone": .string(site.clock.timeZone.identifier),
            "calendar": .string(absolute(site, calendarPath)),
            "consultations": .array(items),
        ]).pretty
    }
}
