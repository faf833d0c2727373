import Foundation

extension Consultation {
    /// What `trellis.js` needs to correct a banner built before a change, as `data-*` attribute values.
    ///
    /// Only instants and the dates as shown, never the wording of a later state, so the page says
    /// nothing it should not say when the script does not run. Keys:
    /// - `opensISO`, `closesISO`: the instants the state changes (`closesISO` is the first instant it is closed);
    /// - `closesShownISO`: the closing as shown, 11:59pm for a close at midnight (its local date is the closing day);
    /// - `opensText`, `closesText`: "15 November 2010", "11:59pm on 31 January 2011";
    /// - `timeZone`: the site's zone, for counting days left in the browser;
    /// - `nextChangeISO`: when this consultation's banner next changes ("" for never): before it the script does nothing.
    func scriptData(now: Date, clock: SiteClock) -> [String: String] {
        let format = GOVUKFormat(clock: clock)
        return [
            "opensISO": format.iso(opens),
            "opensText": ConsultationWording.openingText(self, format),
            "closesISO": format.iso(closes),
            "closesShownISO": format.closingISO(closes),
            "closesText": format.closing(closes),
            "timeZone": clock.timeZone.identifier,
            "nextChangeISO": nextChange(after: now, clock: clock).map(format.iso) ?? "",
        ]
    }
}
