// Paragraphs that look like GitHub pipe tables, which CommonMark does not have: a warning
// whose suggestion is the equivalent ```table block.

enum PipeTable {
    static let message = "this paragraph looks like a pipe table, which CommonMark does not support; "
        + "write a `table` block instead"

    /// The ```table block to use instead, when a paragraph's lines (container markers already
    /// stripped) hold a line with `|` followed by a delimiter line (`|---|:--:|`, `--- | ---`).
    /// The line with `|` is the header; the lines after the delimiter are the rows.
    static func suggestion(forParagraph lines: [String]) -> String? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1)
        where lines[index].contains("|") && isDelimiterRow(lines[index + 1]) {
            let rows = [lines[index]] + lines[(index + 2)...]
            let csv = rows.map { cells($0).map(CSV.quoted).joined(separator: ",") }
            return (["```table"] + csv + ["```"]).joined(separator: "\n")
        }
        return nil
    }

    /// A line like `|---|:--:|` or `--- | ---`: cells of dashes with optional colons, and at
    /// least one `|`.
    static func isDelimiterRow(_ line: String) -> Bool {
        guard line.contains("|") else { return false }
        let cells = cells(line)
        return !cells.isEmpty && cells.allSatisfy { cell in
            var body = Substring(cell)
            if body.first == ":" { body.removeFirst() }
            if body.last == ":" { body.removeLast() }
            return !body.isEmpty && body.allSatisfy { $0 == "-" }
        }
    }

    /// A row's cells: split at each `|` not escaped as `\|`, without the outer pipes, trimmed.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.trimmingWhitespace() {
            if escaped {
                if character != "|" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current)
        let trimmed = line.trimmingWhitespace()
        if trimmed.hasPrefix("|"), cells.count > 1 { cells.removeFirst() }
        if trimmed.hasSuffix("|"), !trimmed.hasSuffix("\\|"), cells.count > 1 { cells.removeLast() }
        return cells.map { $0.trimmingWhitespace() }
    }
}
