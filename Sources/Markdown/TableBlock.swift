// ```table blocks: a fenced code block whose info string is `table` [caption="..."], holding
// CSV whose first row is the header. Trellis writes and escapes the table's HTML itself.

/// A `table` block read from a code block's info string and text.
struct TableBlock {
    /// What a `table` block became: its HTML as UTF-8 (nil when it has errors, so the block
    /// stays a code block), its problems, and its text for `plainText`, as pieces to be joined
    /// by spaces.
    struct Outcome {
        var html: [UInt8]?
        var problems: [MarkdownProblem]
        var plainText: [String]
    }

    /// True when a code block's info string (UTF-8) makes it a `table` block: its first word,
    /// split at Characters that are a space or a tab, is `table`.
    static func isTable(info: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = 0
        while start < info.count, isSeparator(info[start]) { start += 1 }
        var end = start
        while end < info.count, !isSeparator(info[end]) { end += 1 }
        guard info[start..<end].elementsEqual("table".utf8) else { return false }
        // A space followed by a combining mark is one Character, and not a separator.
        if end + 1 < info.count, info[end + 1] >= 0x80 {
            return String(decoding: info, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "table"
        }
        return true
    }

    /// Reads a `table` block whose fence is at `line` and `column` of the body (its CSV starts
    /// on the next line) and writes its HTML with `id` on the caption.
    static func render(info: String, literal: String, id: String, line: Int, column: Int) -> Outcome {
        var problems: [MarkdownProblem] = []
        func problem(_ isError: Bool, _ message: String, line: Int) {
            problems.append(MarkdownProblem(kind: .tableBlock, isError: isError, message: message,
                                            line: line, column: column))
        }

        var caption: String?
        switch attributes(info) {
        case .success(let value): caption = value
        case .failure(let message): problem(true, message.text, line: line)
        }

        var rows: [CSVRow] = []
        var readable = true
        do throws(CSVError) {
            rows = try CSV.parse(literal)
        } catch {
            switch error {
            case .unterminatedQuote(let offset):
                readable = false
                problem(true, "a quoted cell starts on this line but its closing \" is missing "
                    + "(a quote inside a quoted cell is written \"\")", line: line + 1 + offset)
            }
        }
        if rows.isEmpty, readable {
            problem(true, "this `table` block is empty; write CSV with the header row first, "
                + "e.g. `Group,2020,2021`", line: line)
        }
        guard problems.isEmpty, let header = rows.first else {
            return Outcome(html: nil, problems: problems, plainText: [literal])
        }

        let width = header.cells.count
        var body: [[String]] = []
        for (number, row) in rows.enumerated().dropFirst() {
            var cells = row.cells
            if cells.count < width {
                problem(false, "row \(number + 1) of this table has \(cells.count) cell\(cells.count == 1 ? "" : "s") "
                    + "but the header has \(width); it was padded with empty cells", line: line + 1 + row.lineOffset)
                cells += Array(repeating: "", count: width - cells.count)
            } else if cells.count > width {
                problem(false, "row \(number + 1) of this table has \(cells.count) cells "
                    + "but the header has \(width); the extra cells were dropped", line: line + 1 + row.lineOffset)
                cells.removeLast(cells.count - width)
            }
            body.append(cells)
        }

        let html = html(caption: caption, header: header.cells, body: body, id: id)
        var text = [caption ?? ""] + header.cells
        text.reserveCapacity(text.count + body.count * width)
        for row in body { text += row }
        return Outcome(html: html, problems: problems, plainText: text)
    }

    /// The table's HTML as UTF-8, all text escaped. A column is numeric (`class="num"` on its
    /// `th` and `td`s) when it has at least one non-empty body cell and all of them are numeric.
    static func html(caption: String?, header: [String], body: [[String]], id: String) -> [UInt8] {
        let numeric = header.indices.map { column in
            var sawNumber = false
            for row in body {
                let cell = row[column].trimmingWhitespace()
                if cell.isEmpty { continue }
                guard NumericCell.isNumeric(cell) else { return false }
                sawNumber = true
            }
            return sawNumber
        }
        var out: [UInt8] = []
        out.reserveCapacity(256 + body.count * header.count * 32)
        out.append("<div class=\"table-wrap\" role=\"region\" ")
        if let caption {
            out.append("aria-labelledby=\"")
            HTMLEscape.append(id, to: &out)
            out.append("\" tabindex=\"0\"><table><caption id=\"")
            HTMLEscape.append(id, to: &out)
            out.append("\">")
            HTMLEscape.append(caption, to: &out)
            out.append("</caption>")
        } else {
            out.append("aria-label=\"Table\" tabindex=\"0\"><table>")
        }
        out.append("<thead><tr>")
        for (column, cell) in header.enumerated() {
            out.append(numeric[column] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            HTMLEscape.append(cell, to: &out)
            out.append("</th>")
        }
        out.append("</tr></thead><tbody>")
        for row in body {
            out.append("<tr>")
            for (column, cell) in row.enumerated() {
                out.append(numeric[column] ? "<td class=\"num\">" : "<td>")
                HTMLEscape.append(cell, to: &out)
                out.append("</td>")
            }
            out.append("</tr>")
        }
        out.append("</tbody></table></div>")
        return out
    }

    struct AttributeError: Error { var text: String }

    /// The caption from an info string `table` or `table caption="..."` (nil when absent or
    /// empty). Only `caption` is allowed; its value runs from the first to the last `"`, so it
    /// may itself hold quotes.
    static func attributes(_ info: String) -> Result<String?, AttributeError> {
        var rest = Substring(info.trimmingWhitespace()).dropFirst("table".count)
        rest = Substring(String(rest).trimmingWhitespace())
        if rest.isEmpty { return .success(nil) }
        let allowed = "the only attribute allowed is caption=\"...\""
        if rest.hasPrefix("caption=\""), rest.count >= "caption=\"\"".count, rest.hasSuffix("\"") {
            let value = String(rest.dropFirst("caption=\"".count).dropLast()).trimmingWhitespace()
            return .success(value.isEmpty ? nil : value)
        }
        let name = rest.prefix { $0 != "=" && !$0.isWhitespace }
        if name == "caption" {
            return .failure(AttributeError(text: "write the caption in double quotes: caption=\"...\""))
        }
        return .failure(AttributeError(text: "unknown attribute '\(name)' after `table`; \(allowed)"))
    }
}
