import Foundation
import XCTest
@testable import TrellisKit

/// A strict RFC 4180 reader for the tests: it fails on anything the RFC does not allow (a bare
/// LF, a quote inside an unquoted field, text after a closing quote, a missing final CRLF), so
/// the files Trellis writes are checked by something other than the code that wrote them.
enum RFC4180 {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// The records of `text`, each a list of fields.
    static func parse(_ text: String) throws -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var quoted = false
        var fieldStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" { field.append("\""); index += 2; continue }
                    quoted = false
                    index += 1
                    guard index == scalars.count || scalars[index] == "," || scalars[index] == "\r" else {
                        throw Malformed(description: "text after a closing quote at \(index)")
                    }
                    continue
                }
                field.append(scalar)
                index += 1
                continue
            }
            switch scalar {
            case "\"" where fieldStart:
                quoted = true
                fieldStart = false
                index += 1
            case "\"":
                throw Malformed(description: "a quote inside an unquoted field at \(index)")
            case ",":
                record.append(String(field))
                field = String.UnicodeScalarView()
                fieldStart = true
                index += 1
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else { throw Malformed(description: "CR without LF at \(index)") }
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
                fieldStart = true
                index += 2
            case "\n":
                throw Malformed(description: "a bare LF at \(index)")
            default:
                field.append(scalar)
                fieldStart = false
                index += 1
            }
        }
        guard !quoted else { throw Malformed(description: "an unclosed quote") }
        guard record.isEmpty && field.isEmpty else { throw Malformed(description: "the last record does not end in CRLF") }
        return records
    }

    /// The records of a file as dictionaries keyed by the header row; every row must have its length.
    static func rows(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> (header: [String], rows: [[String: String]]) {
        let records = try parse(text)
        guard let header = records.first else { throw Malformed(description: "no header row") }
        for (number, record) in records.enumerated() where record.count != header.count {
            throw Malformed(description: "record \(number) has \(record.count) fields, the header \(header.count)")
        }
        return (header, records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }
}

/// A small site with every kind of thing the open data, feed, search and charts draw on.
enum OpenDataFixture {
    static let files: [String: String] = [
        "Content/site.yml": """
        title: Test Trust & Partners
        base_url: https://www.example.org/trust/
        organisation: { name: Test County Council, url: https://www.example.org/ }
        licence: Open Government Licence v3.0
        """,
        "Content/partnerships/board.md": """
        ---
        title: Children's Trust Board
        summary: The board that leads the trust.
        type: board
        status: established
        established: 2008-04-01
        chair: chair
        contacts: [chair, manager]
        members:
          - { name: "Test County Council", sector: local authority, role: lead }
          - "NHS Test, \\"Primary Care\\""
        priorities: [cyp-1]
        measures: [neet]
        updated: 2011-01-10
        ---
        The board meets every quarter to check progress on NEET.
        """,
        "Content/partnerships/gosport.md": """
        ---
        title: Gosport Local Children's Partnership
        summary: "=HYPERLINK(\\"http://evil.example\\") is not a formula here"
        type: local-childrens-partnership
        area: Gosport
        parent: board
        contacts: [manager]
        measures: [neet, obesity]
        updated: 2010-06-01
        ---
        Gosport works on youth services.
        """,
        "Content/plans/cypp.md": """
        ---
        title: Children and Young People's Plan 2009 to 2012
        summary: What the trust will do.
        owner: board
        status: adopted
        period: { from: 2009-04-01, to: 2012-03-31 }
        priorities:
          - { id: cyp-1, label: CYP priority 1, title: Reducing poverty, measures: [neet] }
          - { id: lcp-neet, label: LCP priority, parent: cyp-1, title: More young people in learning, measures: [neet, obesity] }
        consultation:
          opens: 2010-11-15
          closes: 2011-01-31
          respond: { email: cypp@example.org }
        ---
        The plan sets out the priorities.
        """,
        "Content/measures/neet.md": """
        ---
        code: NI 117
        title: 16 to 18 year olds not in education, employment or training (NEET)
        summary: Young people not in learning or work.
        unit: percent
        polarity: lower-is-better
        baseline: { period: 2007-08, value: 6.1 }
        targets:
          - { period: 2008-09, value: 5.9 }
          - { period: 2009-10, value: 5.6 }
          - { period: 2010-11, value: 5.3 }
        actuals:
          - { period: 2008-09, value: 6.0 }
          - { period: 2009-10, value: 5.7 }
          - { period: 2010-11, value: 5.5 }
        ---
        Fewer young people out of learning is better.
        """,
        "Content/measures/obesity.md": """
        ---
        code: NI 56
        title: Obesity among children in Year 6
        unit: percent
        polarity: lower-is-better
        targets: [{ period: 2010-11, value: -3.5 }]
        actuals: [{ period: 2009-10, value: 18.3 }, { period: 2010-11, value: 19.1 }]
        ---
        """,
        "Content/contacts/chair.md": """
        ---
        name: Jane Example
        role: Chair of the Trust Board
        organisation: Test County Council
        email: jane@example.org
        telephone: +44 1632 960000
        ---
        """,
        "Content/contacts/manager.md": """
        ---
        name: Partnership Manager
        role: "@Partnerships, south"
        email: manager@example.org
        address: "1 Example Street\\nTestville"
        ---
        """,
        "Content/pages/about.md": """
        ---
        title: About the trust
        summary: "Who we are </script><script>alert(1)</script> & more"
        ---
        About us.
        """,
    ]

    /// Builds the fixture at 20 January 2011, midday.
    static func build(_ test: XCTestCase) throws -> TestSite {
        let site = try test.makeSite(files)
        test.buildClean(site)
        return site
    }

    /// A written file's text.
    static func text(_ site: TestSite, _ path: String) throws -> String {
        try site.page(path)
    }

    /// A written JSON file, parsed by Foundation.
    static func json(_ site: TestSite, _ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(site.page(path).utf8))
    }
}
