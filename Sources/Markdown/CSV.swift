// RFC 4180 CSV, as spreadsheets export it, for `table` blocks.

/// One record of a CSV text, with the line (from 0, within the text) it starts on.
struct CSVRow: Hashable {
    var cells: [String]
    var lineOffset: Int
}

/// A CSV text that cannot be read.
enum CSVError: Error, Hashable {
    /// A quoted cell that is never closed; it opens on this line (from 0, within the text).
    case unterminatedQuote(lineOffset: Int)
}

enum CSV {
    /// Reads records separated by LF (or CRLF) and cells separated by commas.
    ///
    /// A cell in double quotes may hold commas, newlines and doubled quotes (`""` is `"`).
    /// Unquoted cells are trimmed of spaces and tabs (hand-written CSV often has `a, b`);
    /// spaces around a quoted cell are ignored. Text after a closing quote is kept, as
    /// spreadsheets do. Blank lines are skipped. One pass, no recursion.
    static func parse(_ text: String) throws(CSVError) -> [CSVRow] {
        let bytes = Array(text.utf8)
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        var rows: [CSVRow] = []
        var index = 0
        var line = 0

        func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }
        func trimmed(_ field: ArraySlice<UInt8>) -> String {
            var field = field
            while let first = field.first, isBlank(first) { field.removeFirst() }
            while let last = field.last, isBlank(last) { field.removeLast() }
            return String(decoding: field, as: UTF8.self)
        }

        while index < bytes.count {
            let rowLine = line
            var cells: [String] = []
            var wasQuoted = false
            while true {
                while index < bytes.count, bytes[index] != newline, isBlank(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == quote {
                    wasQuoted = true
                    let quoteLine = line
                    var field: [UInt8] = []
                    index += 1
                    while true {
                        guard index < bytes.count else { throw .unterminatedQuote(lineOffset: quoteLine) }
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < bytes.count, bytes[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        if byte == newline { line += 1 }
                        field.append(byte)
                        index += 1
                    }
                    let restStart = index
                    while index < bytes.count, bytes[index] != comma, bytes[index] != newline { index += 1 }
                    cells.append(String(decoding: field, as: UTF8.self) + trimmed(bytes[restStart..<index]))
                } else {
                    let start = index
                    while index < bytes.count, bytes[index] != comma, bytes[index] != newline { index += 1 }
                    cells.append(trimmed(bytes[start..<index]))
                }
                if index < bytes.count, bytes[index] == comma {
                    index += 1
                    continue
                }
                if index < bytes.count {  // the newline ending this record
                    index += 1
                    line += 1
                }
                break
            }
            if cells.count == 1, cells[0].isEmpty, !wasQuoted { continue }
            rows.append(CSVRow(cells: cells, lineOffset: rowLine))
        }
        return rows
    }

    /// A cell as CSV: quoted when it holds a comma, quote or line break, or starts or ends with
    /// whitespace (which an unquoted cell would lose).
    static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        guard needsQuotes else { return cell }
        var out = "\""
        for character in cell {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }
}
