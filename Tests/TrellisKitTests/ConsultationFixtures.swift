import Foundation
@testable import TrellisKit

/// Dates and consultations for the consultation tests, all read on a London clock.
enum ConsultationFixtures {
    static let london = SiteClock(identifier: "Europe/London")!
    static let format = GOVUKFormat(clock: london)

    /// An instant written as in front matter: London local time, unless it carries `Z` or an offset.
    static func at(_ text: String) -> Date {
        guard let written = WrittenTime.parse(text) else { fatalError("not a date in a test: \(text)") }
        return london.start(of: written)
    }

    /// The end of a written close ("2011-01-31" is open to the end of that day).
    static func end(_ text: String) -> Date {
        london.end(of: WrittenTime.parse(text)!)
    }

    /// A consultation from dates as they would be written in its `consultation:` block.
    static func consultation(opens: String, closes: String, outcome: String? = nil, heldElsewhere: String? = nil,
                             extensions: [(String, String?)] = []) -> Consultation {
        Consultation(
            opens: WrittenTime.parse(opens)!, closes: WrittenTime.parse(closes)!,
            heldElsewhere: heldElsewhere,
            outcomePublished: outcome.map { WrittenTime.parse($0)! },
            extensions: extensions.map { (previousCloses: WrittenTime.parse($0.0)!, reason: $0.1) },
            clock: london)
    }

    /// The family support framework: 15 November 2010 to the end of 31 January 2011, outcome 20 April 2011.
    static let familySupport = consultation(opens: "2010-11-15", closes: "2011-01-31", outcome: "2011-04-20")

    /// A summer consultation written with times: 9am on 3 May 2011 to 5pm on 30 June 2011.
    static let summer = consultation(opens: "2011-05-03T09:00", closes: "2011-06-30T17:00")
}
