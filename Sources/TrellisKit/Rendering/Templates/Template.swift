/// A Mustache template parsed once: a tree of nodes, and the partials it includes with their places.
struct Template: Sendable {
    let nodes: [TemplateNode]
    /// Each `{{> name}}` with the 1-based line and column of its tag, so a missing one is reported there.
    let partials: [(name: String, line: Int, column: Int)]

    /// Parses Mustache text; the error carries the line and column of the offending tag.
    init(_ text: String) throws(TemplateError) {
        var parser = TemplateParser(text)
        nodes = try parser.parseTemplate()
        partials = parser.partials
    }
}

/// One piece of a parsed template. Comments and set-delimiter tags are gone by now.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// `indentation` is the whitespace before a standalone partial tag, nil for one inside a line.
    case partial(String, indentation: [UInt8]?)
}

/// A name as written in a tag, split once: where the lookup starts, the keys, and the transforms
/// in the order they apply (innermost first).
struct TemplateName: Sendable, Equatable {
    enum Scope: Sendable, Equatable {
        /// The first key is looked for from the innermost context outwards.
        case stack
        /// Only the innermost context: `.` and names with a leading `.`.
        case top
        /// The position in the list being iterated: `first()`, `last()`, `index()`.
        case sequence
    }

    var scope: Scope
    var keys: [String]
    /// Each key's `TemplateFields.hash(_:)`, worked out once.
    var hashes: [UInt64]
    var transforms: [TemplateTransform]

    /// The name as swift-mustache reads it: `.` is the top, a leading `.` stops the walk
    /// up the stack, and an empty name with transforms asks the list position.
    init(_ name: String, transforms: [TemplateTransform]) {
        self.transforms = transforms
        keys = name.split(separator: ".").map(String.init)
        hashes = keys.map(TemplateFields.hash)
        if name.isEmpty && !transforms.isEmpty {
            scope = .sequence
        } else if name.first == "." {
            scope = .top
        } else {
            scope = .stack
        }
    }
}

/// Why a template cannot be used, and the 1-based line and column of the tag at fault.
struct TemplateError: Error, Equatable, Sendable {
    var message: String
    var line: Int
    var column: Int
}
