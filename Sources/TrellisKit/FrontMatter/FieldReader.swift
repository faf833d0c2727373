import Foundation

/// Reads typed values from one YAML mapping of a file's front matter, reporting each problem
/// at the line and column of the key or value, and remembering which keys it was asked for.
final class FieldReader {
    let file: String
    let sink: DiagnosticSink
    /// Added to the YAML's 1-based lines to give lines of the file.
    let lineOffset: Int
    private let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    private let place: SourceLocation
    /// Whether each pair's key has been asked for (a key asked for but absent needs no mark:
    /// only written keys are warned about).
    private var used: [Bool]

    init(file: String, mapping: [YAMLPair], lineOffset: Int, sink: DiagnosticSink, place: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.sink = sink
        self.place = place
        pairs = mapping.map { pair in
            guard case .scalar(let key, _, _) = pair.key else { return (key: "", keyNode: pair.key, value: pair.value) }
            return (key: key, keyNode: pair.key, value: pair.value)
        }
        used = Array(repeating: false, count: pairs.count)
    }

    /// The place of a node in the file.
    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line + lineOffset, column: node.mark.column)
    }

    /// The place of a key, or of this mapping when the key is absent.
    func location(ofKey key: String) -> SourceLocation {
        pairs.first { $0.key == key }.map { location(of: $0.keyNode) } ?? place
    }

    /// Whether the key is written at all (even as null).
    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// The raw node of a key, marking it used; nil for an absent or null value.
    func node(_ key: String) -> YAMLNode? {
        guard let index = pairs.firstIndex(where: { $0.key == key }) else { return nil }
        used[index] = true
        let value = pairs[index].value
        // YAML's null, written plainly: nothing, ~, null, Null or NULL (tags are not resolved; see YAMLNode).
        if case .scalar(let text, plain: true, _) = value {
            switch text {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return value
    }

    /// A text value. Numbers and dates are read as the text written.
    func string(_ key: String, required: Bool = false, what: String = "text") -> Located<String>? {
        guard let value = node(key) else {
            if required { missing(key, what: what) }
            return nil
        }
        return text(of: value, key: key, what: what)
    }

    /// The text of a scalar node, or a wrong-type error naming the key.
    func text(of value: YAMLNode, key: String, what: String = "text") -> Located<String>? {
        switch value {
        case .scalar(let text, _, _):
            return Located(text.trimmedOfWhitespace, at: location(of: value))
        case .mapping, .sequence:
            sink.add(.error(.wrongType, "'\(key)' must be \(what), not \(describe(value))", at: location(of: value)))
            return nil
        }
    }

    /// A web address for a link (`https://...`); anything else, above all `javascript:`, is refused.
    func webAddress(_ key: String, what: String = "an address like https://www.example.org/") -> Located<String>? {
        guard let value = string(key, what: what) else { return nil }
        let scheme = LinkResolver.scheme(of: value.value)
        if let scheme, ["http", "https"].contains(scheme) { return value }
        if let scheme, LinkResolver.unsafeSchemes.contains(scheme) {
            sink.add(.error(.unsafeLink, "a '\(scheme):' address is not allowed for '\(key)', since it could run code in the page; write an address starting https://", at: value.location))
        } else {
            sink.add(.error(.invalidValue, "'\(key)' must be an address starting https:// (or http://), not '\(value.value)'", at: value.location))
        }
        return nil
    }

    /// `true` or `false`.
    func bool(_ key: String) -> Bool? {
        guard let value = string(key, what: "true or false") else { return nil }
        switch value.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            sink.add(.error(.wrongType, "'\(key)' must be true or false, not '\(value.value)'", at: value.location))
            return nil
        }
    }

    /// One of a fixed set of words, with "did you mean" for a near miss.
    func choice(_ key: String, from allowed: [String], required: Bool = false) -> Located<String>? {
        guard let value = string(key, required: required, what: "one of \(allowed.joined(separator: ", "))") else { return nil }
        guard allowed.contains(value.value) else {
            sink.add(.error(.invalidValue, "'\(value.value)' is not a valid \(key)\(Suggestion.didYouMean(value.value, in: allowed)); write one of \(allowed.joined(separator: ", "))", at: value.location))
            return nil
        }
        return value
    }

    /// A date (`2011-01-31`) or a date and time (`2011-01-31T17:00`).
    func time(_ key: String, required: Bool = false, dateOnly: Bool = false) -> Located<WrittenTime>? {
        let expected = dateOnly ? "a date like 2011-01-31" : "a date like 2011-01-31 or a date and time like 2011-01-31T17:00"
        guard let value = string(key, required: required, what: expected) else { return nil }
        guard let time = WrittenTime.parse(value.value), !(dateOnly && time.hasTime) else {
            var diagnostic = WrittenTime.invalidDiagnostic(value.value, key: key, at: value.location)
            if dateOnly { diagnostic.message = "'\(value.value)' is not a date for '\(key)'; write a date as 2011-01-31" }
            sink.add(diagnostic)
            return nil
        }
        return Located(time, at: value.location)
    }

    /// A list of ids (a single id is taken as a list of one). An id listed again is left out with
    /// a warning, once per id: each repeat would be shown again on the page.
    func ids(_ key: String) -> [Located<String>] {
        guard let value = node(key) else { return [] }
        switch value {
        case .scalar: return text(of: value, key: key).map { [$0] } ?? []
        case .sequence(let items, _):
            var seen: Set<String> = [], repeated: Set<String> = []
            return items.compactMap { text(of: $0, key: key, what: "an id") }.filter { id in
                if seen.insert(id.value).inserted { return true }
                if repeated.insert(id.value).inserted {
                    sink.add(.warning(.duplicateID, "'\(id.value)' is listed more than once in '\(key)'; the repeats are left out", at: id.location))
                }
                return false
            }
        case .mapping:
            sink.add(.error(.wrongType, "'\(key)' must be a list of ids like [gosport, havant], not \(describe(value))", at: location(of: value)))
            return []
        }
    }

    /// The items of a list; a mapping or text where a list belongs is an error.
    func list(_ key: String, what: String) -> [YAMLNode] {
        guard let value = node(key) else { return [] }
        if case .sequence(let items, _) = value { return items }
        sink.add(.error(.wrongType, "'\(key)' must be a list of \(what), written one per line starting with '- '", at: location(of: value)))
        return []
    }

    /// A nested mapping (`period: { from: ..., to: ... }`).
    func mapping(_ key: String, required: Bool = false, what: String) -> FieldReader? {
        guard let value = node(key) else {
            if required { missing(key, what: what) }
            return nil
        }
        return reader(for: value, key: key, what: what)
    }

    /// A reader for a mapping node found inside this one, sharing this file's diagnostics.
    func reader(for value: YAMLNode, key: String, what: String) -> FieldReader? {
        guard case .mapping(let mapping, _) = value else {
            sink.add(.error(.wrongType, "'\(key)' must be \(what), not \(describe(value))", at: location(of: value)))
            return nil
        }
        return FieldReader(file: file, mapping: mapping, lineOffset: lineOffset, sink: sink, place: location(of: value))
    }

    /// Warns about each key no one asked for, naming the nearest known key.
    func warnUnknownKeys(known: [String], context: String) {
        for (pair, used) in zip(pairs, used) where !used && !known.contains(pair.key) {
            let hint = Suggestion.nearest(to: pair.key, in: known).map { " (did you mean '\($0)'?)" } ?? "; the keys \(context) are \(known.joined(separator: ", "))"
            sink.add(.warning(.unknownKey, "unknown key '\(pair.key)' \(context)\(hint)", at: location(of: pair.keyNode)))
        }
    }

    private func missing(_ key: String, what: String) {
        sink.add(.error(.missingKey, "missing '\(key)': add a line '\(key): ...' with \(what)", at: place))
    }

    private func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let text, _, _): "'\(text)'"
        case .mapping: "a group of settings"
        case .sequence: "a list"
        }
    }
}
