/// Renders parsed templates into one byte buffer, with swift-mustache's semantics: the context
/// stack, sections over booleans, lists and objects, partials and their indentation.
struct TemplateRenderer {
    private let templates: [String: Template]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []

    init(templates: [String: Template], capacity: Int) {
        self.templates = templates
        output.reserveCapacity(capacity)
    }

    /// Renders the named template over `context`; a name with no template renders nothing.
    mutating func render(_ name: String, _ context: TemplateValue) {
        guard let template = templates[name] else { return }
        stack.append(context)
        render(template.nodes, position: nil, indentation: nil)
        stack.removeLast()
    }

    /// One template render, with its own output: in an indented partial, the indentation goes
    /// before each node whose output is not empty, when this render's output so far ends a line.
    private mutating func render(_ nodes: [TemplateNode], position: SequencePosition?, indentation: [UInt8]?) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, position: position, indentation: indentation) }
            return
        }
        let start = output.count
        for node in nodes {
            let mark = output.count
            // As swift-mustache compares the last Character: "\r\n" is one Character, not "\n".
            let atLineStart = mark > start && output[mark - 1] == 0x0A && !(mark - 1 > start && output[mark - 2] == 0x0D)
            render(node, position: position, indentation: indentation)
            if atLineStart && output.count > mark {
                output.insert(contentsOf: indentation, at: mark)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, position: SequencePosition?, indentation: [UInt8]?) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            let value = lookUp(name, position: position)
            if !escaped, case .markup(let bytes)? = value {
                output.append(contentsOf: bytes)
                return
            }
            guard let text = value?.renderedText else { return }
            if escaped {
                HTML.appendEscaped(text, to: &output)
            } else {
                var text = text
                text.withUTF8 { output.append(contentsOf: $0) }
            }
        case .section(let name, let children):
            switch lookUp(name, position: position) {
            case nil, .null, .bool(false):
                return
            case .bool(true):
                render(children, position: position, indentation: indentation)
            case .list(let items):
                for (index, item) in items.enumerated() {
                    stack.append(item)
                    render(children, position: SequencePosition(first: index == 0, last: index == items.count - 1, index: index), indentation: indentation)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(children, position: nil, indentation: indentation)
                stack.removeLast()
            }
        case .invertedSection(let name, let children):
            switch lookUp(name, position: position) {
            case nil, .null, .bool(false):
                render(children, position: position, indentation: indentation)
            case .list(let items) where items.isEmpty:
                stack.append(.list(items))
                render(children, position: nil, indentation: indentation)
                stack.removeLast()
            default:
                return
            }
        case .partial(let name, let indented):
            guard let template = templates[name] else { return }
            let combined = indented.map { (indentation ?? []) + $0 } ?? indentation
            render(template.nodes, position: nil, indentation: combined)
        }
    }

    /// The value a name stands for, transforms applied; nil when absent or a transform does not apply.
    private func lookUp(_ name: TemplateName, position: SequencePosition?) -> TemplateValue? {
        var value: TemplateValue?
        var transforms = name.transforms[...]
        switch name.scope {
        case .sequence:
            value = position.flatMap { $0.value(of: transforms.removeFirst()) }
        case .top:
            value = Self.descend(from: stack[stack.count - 1], through: name.keys[...])
        case .stack:
            guard let first = name.keys.first else {
                value = stack[stack.count - 1]
                break
            }
            // The first key is looked for outwards; the first context that has it (even as null) answers.
            for context in stack.reversed() {
                if case .object(let fields) = context, let child = fields[first] {
                    value = Self.descend(from: child, through: name.keys.dropFirst())
                    break
                }
            }
        }
        for transform in transforms {
            guard let current = value, !current.isNull else { return nil }
            value = current.transformed(by: transform)
        }
        return value
    }

    private static func descend(from value: TemplateValue, through keys: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for key in keys {
            guard case .object(let fields) = value, let child = fields[key] else { return nil }
            value = child
        }
        return value
    }
}
