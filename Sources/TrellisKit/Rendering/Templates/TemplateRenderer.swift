import Foundation
import Markdown

/// Renders compiled templates into one byte buffer, with swift-mustache's semantics: the context
/// stack, sections over booleans, lists and objects, partials and their indentation.
struct TemplateRenderer: ~Copyable {
    private let program: TemplateProgram
    private var output: ByteBuffer
    private var stack: [TemplateValue] = []
    /// The indentation in force is its first `indent` bytes (an argument of each render): a partial
    /// adds its own after them for as long as it renders.
    private var indentation: [UInt8] = []

    init(program: TemplateProgram, capacity: Int) {
        self.program = program
        output = ByteBuffer(capacity: capacity)
    }

    /// What was rendered.
    consuming func finish() -> [UInt8] {
        output.array()
    }

    /// What was rendered, as Data that owns the renderer's memory.
    consuming func finishData() -> Data {
        output.data()
    }

    /// Renders the named template over `context`; a name with no template renders nothing.
    mutating func render(_ name: String, _ context: TemplateValue) {
        guard let template = program.template(named: name) else { return }
        stack.append(context)
        render(template, position: nil, indent: 0)
        stack.removeLast()
    }

    /// One template render, with its own output: in an indented partial, the indentation goes
    /// before each instruction whose output is not empty, when this render's output so far ends a line.
    private mutating func render(_ instructions: Range<Int>, position: SequencePosition?, indent: Int) {
        var index = instructions.lowerBound
        guard indent > 0 else {
            while index < instructions.upperBound { index = run(index, position: position, indent: indent) }
            return
        }
        let start = output.count
        while index < instructions.upperBound {
            let mark = output.count
            // As swift-mustache compares the last Character: "\r\n" is one Character, not "\n".
            let atLineStart = mark > start && output[mark - 1] == 0x0A && !(mark - 1 > start && output[mark - 2] == 0x0D)
            index = run(index, position: position, indent: indent)
            if atLineStart && output.count > mark {
                indentation.withUnsafeBufferPointer { output.insert(UnsafeBufferPointer(rebasing: $0[..<indent]), at: mark) }
            }
        }
    }

    /// Runs the instruction at `index` (with its children, for a section); the index of the next.
    private mutating func run(_ index: Int, position: SequencePosition?, indent: Int) -> Int {
        let instruction = program.instructions[index]
        let next = index + 1
        switch instruction.operation {
        case .text:
            program.pool.withUnsafeBufferPointer { pool in
                output.append(bytes: UnsafeBufferPointer(rebasing: pool[Int(instruction.first)..<Int(instruction.second)]))
            }
            return next
        case .variable, .escapedVariable:
            let escaped = instruction.operation == .escapedVariable
            let value = lookUp(program.names[Int(instruction.name)], position: position)
            if !escaped, case .markup(let bytes)? = value {
                output.append(bytes)
                return next
            }
            guard let text = value?.renderedText else { return next }
            if escaped {
                HTML.appendEscaped(text, to: &output)
            } else {
                text.withUTF8Bytes { output.append(bytes: $0) }
            }
            return next
        case .section:
            let children = next..<Int(instruction.second)
            switch lookUp(program.names[Int(instruction.name)], position: position) {
            case nil, .null, .bool(false):
                break
            case .bool(true):
                render(children, position: position, indent: indent)
            case .list(let items):
                for (offset, item) in items.enumerated() {
                    stack.append(item)
                    render(children, position: SequencePosition(first: offset == 0, last: offset == items.count - 1, index: offset), indent: indent)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(children, position: nil, indent: indent)
                stack.removeLast()
            }
            return children.upperBound
        case .invertedSection:
            let children = next..<Int(instruction.second)
            switch lookUp(program.names[Int(instruction.name)], position: position) {
            case nil, .null, .bool(false):
                render(children, position: position, indent: indent)
            case .list(let items) where items.isEmpty:
                stack.append(.list(items))
                render(children, position: nil, indent: indent)
                stack.removeLast()
            default:
                break
            }
            return children.upperBound
        case .partial:
            guard instruction.name >= 0 else { return next }
            let template = program.templates[Int(instruction.name)]
            let own = Int(instruction.first)..<Int(instruction.second)
            if own.isEmpty {
                render(template, position: nil, indent: indent)
            } else {
                indentation.removeSubrange(indent...)
                indentation.append(contentsOf: program.pool[own])
                render(template, position: nil, indent: indent + own.count)
            }
            return next
        }
    }

    /// The value a name stands for, transforms applied; nil when absent or a transform does not apply.
    private func lookUp(_ name: TemplateProgram.Name, position: SequencePosition?) -> TemplateValue? {
        var value: TemplateValue?
        var transforms = Int(name.transforms.lowerBound)..<Int(name.transforms.upperBound)
        let keys = Int(name.keys.lowerBound)..<Int(name.keys.upperBound)
        switch name.scope {
        case .sequence:
            value = position.flatMap { $0.value(of: program.transforms[transforms.removeFirst()]) }
        case .top:
            value = descend(from: stack[stack.count - 1], through: keys)
        case .stack:
            guard let first = keys.first else {
                value = stack[stack.count - 1]
                break
            }
            // The first key is looked for outwards; the first context that has it (even as null) answers.
            var level = stack.count - 1
            while level >= 0 {
                if let child = stack[level].field(program.keys[first], hash: program.hashes[first]) {
                    value = descend(from: child, through: keys.dropFirst())
                    break
                }
                level -= 1
            }
        }
        for transform in transforms {
            guard let current = value, !current.isNull else { return nil }
            value = current.transformed(by: program.transforms[transform])
        }
        return value
    }

    /// The value under `value` at the program's keys `keys`.
    private func descend(from value: TemplateValue, through keys: Range<Int>) -> TemplateValue? {
        var value = value
        for key in keys {
            guard let child = value.field(program.keys[key], hash: program.hashes[key]) else { return nil }
            value = child
        }
        return value
    }
}
