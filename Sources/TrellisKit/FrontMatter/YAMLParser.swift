import CYaml
import Foundation
import Markdown

/// A place in YAML text as libyaml counts it: line and column from 1, columns in Unicode scalars.
struct YAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    fileprivate init(_ mark: yaml_mark_t) {
        self.init(line: mark.line + 1, column: mark.column + 1)
    }
}

/// One node of front matter: all a `FieldReader` needs of it. No tags are resolved: every scalar
/// is the text written, and the reader decides what it means.
enum YAMLNode: Sendable, Equatable {
    /// A scalar's text, and whether it was written plainly (not quoted, not a block `|` or `>`).
    case scalar(String, plain: Bool, YAMLMark)
    case sequence([YAMLNode], YAMLMark)
    case mapping([YAMLPair], YAMLMark)

    /// Where the node starts (at its anchor, tag or opening bracket when it has one).
    var mark: YAMLMark {
        switch self {
        case .scalar(_, _, let mark), .sequence(_, let mark), .mapping(_, let mark): mark
        }
    }
}

/// A key and its value in a mapping.
struct YAMLPair: Sendable, Equatable {
    var key: YAMLNode
    var value: YAMLNode
}

/// Why front matter YAML cannot be read.
enum YAMLFailure: Error, Equatable {
    /// libyaml's scanner or parser stopped at `mark`; `context` is what it was reading, and where that started.
    case syntax(problem: String, mark: YAMLMark, context: String?, contextMark: YAMLMark?)
    /// The text holds a character YAML does not allow (a control character), `offset` bytes in.
    case character(problem: String, offset: Int, value: Int32)
    /// Keys written more than once in one mapping, sorted; `mark` is the first one's first place.
    case duplicateKeys([String], mark: YAMLMark)
    /// An anchor (`&name`) or alias (`*name`): see `YAMLParser.parse`.
    case anchor(YAMLMark)
    /// A second document (after a `...` line).
    case anotherDocument(YAMLMark)
    /// libyaml could not allocate memory.
    case memory
}

/// Reads front matter into `YAMLNode`s: with `SimpleYAML` when the text is in its plain form (as
/// most is), and otherwise with libyaml's parser, event by event.
///
/// Anchors and aliases are refused. An alias resolved to the very node its anchor marks lets ten
/// lines stand for a billion nodes ("billion laughs"), and nothing in front matter needs them. The
/// place reported is the first anchor once the whole text has been read (a text that cannot be
/// read reports that instead), or the first alias to an anchor not yet defined; text that merely
/// contains `&` or `*` (quoted, or inside a plain scalar) is no anchor.
enum YAMLParser {
    /// The root node (nil for an empty text), or why the text cannot be read.
    static func parse(_ yaml: String) -> Result<YAMLNode?, YAMLFailure> {
        yaml.withUTF8Bytes { bytes in
            // Most front matter is in the plain form `SimpleYAML` reads, with the same result.
            if let root = SimpleYAML.parse(bytes) { return .success(root) }
            return withLibyaml(bytes)
        }
    }

    /// What libyaml reads in `yaml` (`parse` without `SimpleYAML`, which tests compare it with).
    static func withLibyaml(_ yaml: String) -> Result<YAMLNode?, YAMLFailure> {
        yaml.withUTF8Bytes(withLibyaml)
    }

    private static func withLibyaml(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode?, YAMLFailure> {
        // By memchr: the UTF-8 view's generic `contains` cost more than a tenth of reading the YAML.
        let hasAmpersand = bytes.offset(of: UInt8(ascii: "&")) != nil
        var reader = EventReader(bytes, hasAmpersand: hasAmpersand)
        defer { reader.close() }
        do throws(YAMLFailure) {
            let root = try reader.document()
            if let anchor = reader.firstAnchor ?? reader.firstUndefinedAlias { return .failure(.anchor(anchor)) }
            return .success(root)
        } catch {
            if case .syntax = error, let alias = reader.firstUndefinedAlias { return .failure(.anchor(alias)) }
            if case .duplicateKeys = error, let alias = reader.firstUndefinedAlias { return .failure(.anchor(alias)) }
            return .failure(error)
        }
    }
}

/// libyaml's parser over one text, and the anchors and aliases it has met.
private struct EventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let hasAmpersand: Bool
    private var anchors: Set<String> = []
    private(set) var firstAnchor: YAMLMark?
    private(set) var firstUndefinedAlias: YAMLMark?

    init(_ bytes: UnsafeBufferPointer<UInt8>, hasAmpersand: Bool) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        self.hasAmpersand = hasAmpersand
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    func close() {
        yaml_event_delete(event)
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// The single document's root node, or nil when the stream holds none.
    mutating func document() throws(YAMLFailure) -> YAMLNode? {
        try next() // stream start
        guard try next() == YAML_DOCUMENT_START_EVENT else { return nil }
        try next()
        let root = try node()
        try next() // document end
        if try next() != YAML_STREAM_END_EVENT { throw .anotherDocument(YAMLMark(event.pointee.start_mark)) }
        return root
    }

    /// Moves to the next event, releasing the one before; its type.
    @discardableResult
    private mutating func next() throws(YAMLFailure) -> yaml_event_type_t {
        yaml_event_delete(event)
        guard yaml_parser_parse(parser, event) == 1 else { throw failure() }
        return event.pointee.type
    }

    /// The node that starts at the current event, reading up to its last event.
    private mutating func node() throws(YAMLFailure) -> YAMLNode {
        let mark = YAMLMark(event.pointee.start_mark)
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            note(anchor: scalar.anchor, at: mark)
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark)
        case YAML_SEQUENCE_START_EVENT:
            note(anchor: event.pointee.data.sequence_start.anchor, at: mark)
            var items: [YAMLNode] = []
            while try next() != YAML_SEQUENCE_END_EVENT { items.append(try node()) }
            return .sequence(items, mark)
        case YAML_MAPPING_START_EVENT:
            note(anchor: event.pointee.data.mapping_start.anchor, at: mark)
            var pairs: [YAMLPair] = []
            while try next() != YAML_MAPPING_END_EVENT {
                let key = try node()
                try next()
                pairs.append(YAMLPair(key: key, value: try node()))
            }
            try Self.checkDuplicates(pairs)
            return .mapping(pairs, mark)
        default: // an alias: its anchor is refused, or (undefined) it is itself
            let name = event.pointee.data.alias.anchor.map { String(cString: $0) } ?? ""
            if !anchors.contains(name) {
                if !hasAmpersand { throw .anchor(mark) }
                if firstUndefinedAlias == nil { firstUndefinedAlias = mark }
            }
            return .scalar("", plain: false, mark)
        }
    }

    private mutating func note(anchor: UnsafeMutablePointer<yaml_char_t>?, at mark: YAMLMark) {
        guard let anchor else { return }
        anchors.insert(String(cString: anchor))
        if firstAnchor == nil { firstAnchor = mark }
    }

    /// Keys written twice in one mapping (as text: a list or mapping as a key is never compared).
    /// A mapping of a few keys is checked pair by pair, which costs less than hashing each key.
    private static func checkDuplicates(_ pairs: [YAMLPair]) throws(YAMLFailure) {
        guard pairs.count > 1 else { return }
        // Each key written more than once, with the place it is first written.
        var repeated: [String: YAMLMark] = [:]
        if pairs.count <= 32 {
            for (index, pair) in pairs.enumerated() {
                guard case .scalar(let key, _, _) = pair.key, repeated.isEmpty || repeated[key] == nil else { continue }
                for earlier in pairs[..<index] {
                    if case .scalar(key, _, let mark) = earlier.key {
                        repeated[key] = mark
                        break
                    }
                }
            }
        } else {
            var seen: [String: YAMLMark] = [:]
            for pair in pairs {
                guard case .scalar(let key, _, let mark) = pair.key else { continue }
                if let first = seen[key] { repeated[key] = first } else { seen[key] = mark }
            }
        }
        guard let first = repeated.keys.min() else { return }
        throw .duplicateKeys(repeated.keys.sorted(), mark: repeated[first]!)
    }

    /// The parser's error.
    private func failure() -> YAMLFailure {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_READER_ERROR:
            return .character(problem: problem, offset: state.problem_offset, value: state.problem_value)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let context = state.context.map { String(cString: $0) }
            return .syntax(problem: problem, mark: YAMLMark(state.problem_mark), context: context, contextMark: context == nil ? nil : YAMLMark(state.context_mark))
        default:
            return .memory
        }
    }
}
