/// A library's templates compiled into one flat program for rendering: instructions that are plain
/// values (reading one retains nothing, where walking enum nodes retained each payload), all their
/// text in one byte pool, names split once, and each partial resolved to its template's place.
struct TemplateProgram: Sendable {
    /// What an instruction does.
    enum Operation: UInt8, Sendable {
        /// Appends the pool's bytes `first..<second`.
        case text
        /// Appends the value of the name `name`, unescaped or escaped.
        case variable, escapedVariable
        /// Renders the instructions after this one up to `second` (exclusive) over the value of
        /// the name `name`, or when that value is falsy.
        case section, invertedSection
        /// Renders the template `name` (-1: none), indented by the pool's bytes `first..<second`.
        case partial
    }

    /// One instruction: what `name`, `first` and `second` mean depends on its operation.
    struct Instruction: Sendable {
        var operation: Operation
        var name: Int32
        var first: Int32
        var second: Int32
    }

    /// A name as rendering reads it: plain numbers into the program's `keys`, `hashes` and
    /// `transforms`. Reading one retains nothing, where a `TemplateName`'s three arrays, shared by
    /// every page on every core, were retained and released at each lookup (and the cores fought
    /// over their reference counts).
    struct Name: Sendable {
        var scope: TemplateName.Scope
        var keys: Range<Int32>
        var transforms: Range<Int32>
    }

    private(set) var instructions: [Instruction] = []
    /// The bytes of every text and every partial's indentation.
    private(set) var pool: [UInt8] = []
    private(set) var names: [Name] = []
    /// Every name's keys, their `TemplateFields.hash(_:)`, and every name's transforms, in order.
    private(set) var keys: [String] = []
    private(set) var hashes: [UInt64] = []
    private(set) var transforms: [TemplateTransform] = []
    /// Each template's instructions, by the template's number.
    private(set) var templates: [Range<Int>] = []
    private var numbers: [String: Int] = [:]

    /// Compiles every template; partials naming no template render nothing.
    init(_ library: [String: Template]) {
        let sorted = library.keys.sorted()
        for (number, name) in sorted.enumerated() { numbers[name] = number }
        for name in sorted {
            let start = instructions.count
            append(library[name]!.nodes)
            templates.append(start..<instructions.count)
        }
    }

    /// The instructions of the template called `name`, if there is one.
    func template(named name: String) -> Range<Int>? {
        numbers[name].map { templates[$0] }
    }

    private mutating func append(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                let range = add(bytes)
                instructions.append(Instruction(operation: .text, name: 0, first: range.first, second: range.second))
            case .variable(let name, let escaped):
                instructions.append(Instruction(operation: escaped ? .escapedVariable : .variable, name: add(name), first: 0, second: 0))
            case .section(let name, let children), .invertedSection(let name, let children):
                let at = instructions.count
                let operation: Operation
                if case .section = node { operation = .section } else { operation = .invertedSection }
                instructions.append(Instruction(operation: operation, name: add(name), first: 0, second: 0))
                append(children)
                instructions[at].second = Int32(instructions.count)
            case .partial(let name, let indentation):
                // No indentation and an empty one render alike: each adds nothing to the one in force.
                let range = add(indentation ?? [])
                instructions.append(Instruction(operation: .partial, name: Int32(numbers[name] ?? -1), first: range.first, second: range.second))
            }
        }
    }

    private mutating func add(_ bytes: [UInt8]) -> (first: Int32, second: Int32) {
        let first = Int32(pool.count)
        pool.append(contentsOf: bytes)
        return (first, Int32(pool.count))
    }

    private mutating func add(_ name: TemplateName) -> Int32 {
        let firstKey = Int32(keys.count), firstTransform = Int32(transforms.count)
        keys.append(contentsOf: name.keys)
        hashes.append(contentsOf: name.hashes)
        transforms.append(contentsOf: name.transforms)
        names.append(Name(scope: name.scope, keys: firstKey..<Int32(keys.count), transforms: firstTransform..<Int32(transforms.count)))
        return Int32(names.count - 1)
    }
}
