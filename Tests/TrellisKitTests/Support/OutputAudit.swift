import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// Shared by the escaping catalogue tests and the whole-build fuzzer (Fuzz/Sources/FuzzBuild links
// this file and HTMLAudit.swift). Foundation only: no XCTest, no TrellisKit.

/// Checks every kind of file a build writes: HTML by `HTMLAudit`, JSON and XML by parsing them,
/// the iCalendar file line by line, and CSV cell by cell for formula injection.
enum OutputAudit {
    /// What is wrong with one output file, by its path in the output folder.
    static func problems(path: String, data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        if path.hasSuffix(".html") { return HTMLAudit.findings(in: text).map(\.description) }
        if path.hasSuffix(".json") {
            return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil ? ["does not parse as JSON"] : []
        }
        if path.hasSuffix(".atom") || path.hasSuffix(".xml") {
            let parser = XMLParser(data: data)
            return parser.parse() ? [] : ["does not parse as XML: \(parser.parserError.map { "\($0)" } ?? "?")"]
        }
        if path.hasSuffix(".ics") { return iCalendarProblems(text) }
        if path.hasSuffix(".csv") { return csvProblems(text) }
        return []
    }

    /// Every property Trellis writes in consultations.ics.
    static let iCalendarProperties: Set<String> = [
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME", "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME",
        "DTSTART", "DTEND", "RRULE", "UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "URL", "TRANSP",
    ]

    /// Each line is a known property or a folded continuation (starting with a space), at most
    /// 75 octets, ended by CRLF; no bare CR or LF can start a line of its own.
    static func iCalendarProblems(_ text: String) -> [String] {
        // By bytes: in a Swift string "\r\n" is one character, which "\r" and "\n" do not match.
        guard text.utf8.suffix(2).elementsEqual("\r\n".utf8) else { return ["does not end in CRLF"] }
        var problems: [String] = []
        for line in String(decoding: text.utf8.dropLast(2), as: UTF8.self).components(separatedBy: "\r\n") {
            if line.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) { problems.append("bare CR or LF in \(line.prefix(60))") }
            if line.utf8.count > 75 { problems.append("line longer than 75 octets: \(line.prefix(60))") }
            if line.hasPrefix(" ") { continue }
            let name = line.prefix { $0 != ":" && $0 != ";" }
            if !iCalendarProperties.contains(String(name)) { problems.append("unexpected property line: \(line.prefix(60))") }
        }
        return problems
    }

    /// Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR
    /// and not a plain number), and files that are not well-formed RFC 4180.
    static func csvProblems(_ text: String) -> [String] {
        guard let rows = parseCSV(text) else { return ["not well-formed CSV"] }
        var problems: [String] = []
        let widths = Set(rows.map(\.count))
        if widths.count > 1 { problems.append("rows of different widths \(widths.sorted())") }
        for cell in rows.joined() where isFormula(cell) {
            problems.append("formula-like cell \(cell.prefix(60))")
        }
        return problems
    }

    /// Whether a spreadsheet would run `cell` as a formula: it starts with `=`, `+`, `-`, `@`,
    /// tab or CR and is not a plain number.
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return false }
        return cell.wholeMatch(of: plainNumber) == nil
    }

    /// A decimal number a spreadsheet reads as a number, which must stay as it is: -3.5, +2, 1e3.
    private static let plainNumber = try! Regex(#"[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?"#)

    /// RFC 4180 records (CRLF after each), or nil when a quote is unbalanced or a record is not ended.
    static func parseCSV(_ text: String) -> [[String]]? {
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false, startOfCell = true
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); cell.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where startOfCell: quoted = true; startOfCell = false
            case ",": row.append(cell); cell = ""; startOfCell = true
            case "\r":
                guard scalars.popFirst() == "\n" else { return nil }
                row.append(cell); rows.append(row); row = []; cell = ""; startOfCell = true
            case "\n", "\"": return nil
            default: cell.unicodeScalars.append(scalar); startOfCell = false
            }
        }
        return quoted || !row.isEmpty || !cell.isEmpty ? nil : rows
    }
}
