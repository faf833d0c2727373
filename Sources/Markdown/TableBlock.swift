// ```table blocks: a fenced code block whose info string is `table` [caption="..."], holding
// CSV whose first row is the header. Trellis writes and escapes the table's HTML itself.

/// A `table` block read from a code block's info string and text.
struct TableBlock {
    /// What a `table` block became: its HTML (nil when it has errors, so the block stays a code
    /// block), its problems, and its text for `plainText`.
    struct Outcome {
        var html: String?
        var problems: [MarkdownProblem]
        var plainText: String
    }

    /// True when a code block's info string makes it a `table` block: its first word is `table`.
    static func isTable(info: String) -> Bool {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "table"
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
            return Outcome(html: nil, problems: problems, plainText: literal)
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
        let text = ([caption ?? ""] + header.cells + body.flatMap { $0 }).joined(separator: " ")
        return Outcome(html: html, problems: problems, plainText: text)
    }

    /// The table's HTML, all text escaped. A column is numeric (`class="num"` on its `th` and
    /// `td`s) when it has at least one non-empty body cell and all of them are numeric.
    static func html(caption: String?, header: [String], body: [[String]], id: String) -> String {
        let numeric = header.indices.map { column in
            let cells = body.map { $0[column] }.filter { !$0.trimmingWhitespace().isEmpty }
            return !cells.isEmpty && cells.allSatisfy(NumericCell.isNumeric)
        }
        let escapedID = HTMLEscape.escape(id)
        var out = "<div class=\"table-wrap\" role=\"region\" "
        if let caption {
            out += "aria-labelledby=\"\(escapedID)\" tabindex=\"0\"><table>"
            out += "<caption id=\"\(escapedID)\">\(HTMLEscape.escape(caption))</caption>"
        } else {
            out += "aria-label=\"Table\" tabindex=\"0\"><table>"
        }
        out += "<thead><tr>"
        for (column, cell) in header.enumerated() {
            out += "<th scope=\"col\"\(numeric[column] ? " class=\"num\"" : "")>\(HTMLEscape.escape(cell))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in body {
            out += "<tr>"
            for (column, cell) in row.enumerated() {
                out += "<td\(numeric[column] ? " class=\"num\"" : "")>\(HTMLEscape.escape(cell))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
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
