import Foundation

/// What a template sees: text, flags, numbers, lists and objects, as view code builds them, so
/// that rendering looks names up without dynamic casts.
enum TemplateValue: Sendable, Equatable {
    /// Absent on purpose (an empty string): found, so lookup stops here, but falsy and rendered as nothing.
    case null
    case bool(Bool)
    case int(Int)
    case text(String)
    /// Any other value (a Double, a Date, a nil Optional), rendered as Swift describes it; truthy, with no keys.
    case other(String)
    case list([TemplateValue])
    case object(TemplateFields)
    /// Markup another template rendered (a page's content inside the layout): inserted by
    /// `{{{name}}}` as its bytes, without being made into a String and checked again.
    case markup([UInt8])

    /// Rendered markup; none (`.null`) when it is empty, as empty text is.
    init(markup bytes: [UInt8]) {
        self = bytes.isEmpty ? .null : .markup(bytes)
    }

    /// Text; empty text is `.null`, as it is when converted from `Any`.
    init(_ text: String) {
        self = text.isEmpty ? .null : .text(text)
    }

    /// An object.
    init(_ fields: TemplateFields) {
        self = .object(fields)
    }

    /// A list of objects.
    init(_ objects: [TemplateFields]) {
        self = .list(objects.map(TemplateValue.object))
    }

    /// A list of texts; empty ones are `.null`.
    init(_ texts: [String]) {
        self = .list(texts.map(TemplateValue.init(_:)))
    }

    /// Converts dictionaries and arrays built loosely (as tests write them). Empty text becomes
    /// `.null`, which Mustache treats as absent without looking the key up in an enclosing
    /// section (where a page's own `summary` would otherwise stand in for an item's). View code
    /// builds `TemplateFields` directly instead: converting cost more than rendering.
    init(converting value: Any) {
        switch value {
        case let text as String: self = TemplateValue(text)
        case let dictionary as [String: Any]: self = .object(TemplateFields(converting: dictionary))
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let value as TemplateValue: self = value
        case let fields as TemplateFields: self = .object(fields)
        case let array as [Any]: self = .list(array.map { TemplateValue(converting: $0) })
        case is NSNull: self = .null
        case let text as Substring: self = TemplateValue(String(text))
        case let optional as OptionalValue where optional.isNone: self = .other("nil")
        default: self = .other(String(describing: value))
        }
    }

    /// An object's field `key`, whose `TemplateFields.hash(_:)` is `hash`; nil when absent or when
    /// this is not an object. A method, so the object is read in place rather than copied out.
    func field(_ key: String, hash: UInt64) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.value(of: key, hash: hash)
    }

    /// Whether the value is a missing or empty one, which sections skip.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value's text as a variable renders it; lists and objects render as nothing (their
    /// Swift descriptions would change order from run to run).
    var renderedText: String? {
        switch self {
        case .null, .list, .object: return nil
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text), .other(let text): return text
        case .markup(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The value a transform turns this one into, or nil when the transform does not apply to its kind.
    func transformed(by transform: TemplateTransform) -> TemplateValue? {
        switch (self, transform) {
        case (.list(let items), .empty): return .bool(items.isEmpty)
        case (.list(let items), .count): return .int(items.count)
        case (.list(let items), .first): return items.first
        case (.list(let items), .last): return items.last
        case (.list(let items), .reversed): return .list(items.reversed())
        case (.text(let text), .empty): return .bool(text.isEmpty)
        case (.text(let text), .capitalized): return .text(text.capitalized)
        case (.text(let text), .lowercased): return .text(text.lowercased())
        case (.text(let text), .uppercased): return .text(text.uppercased())
        case (.text(let text), .reversed): return .text(String(text.reversed()))
        case (.object(let fields), .empty): return .bool(fields.isEmpty)
        case (.object(let fields), .count): return .int(fields.count)
        case (.int(let number), .equalzero): return .bool(number == 0)
        case (.int(let number), .plusone): return .int(number &+ 1)
        case (.int(let number), .minusone): return .int(number &- 1)
        case (.int(let number), .even): return .bool(number & 1 == 0)
        case (.int(let number), .odd): return .bool(number & 1 == 1)
        case (.markup(let bytes), _): return TemplateValue.text(String(decoding: bytes, as: UTF8.self)).transformed(by: transform)
        default: return nil
        }
    }
}

/// Literals in view code: `"text"` (empty is `.null`), `true`, `3`, `[...]` lists and `[:]` objects.
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral text: String) { self.init(text) }
    init(booleanLiteral flag: Bool) { self = .bool(flag) }
    init(integerLiteral number: Int) { self = .int(number) }
    init(arrayLiteral items: TemplateValue...) { self = .list(items) }
    init(dictionaryLiteral pairs: (String, TemplateValue)...) { self = .object(TemplateFields(pairs)) }
}

/// A function applied to a value before it is rendered, written `{{#empty(items)}}`.
enum TemplateTransform: String, Sendable, CaseIterable {
    case empty, count, first, last, reversed, capitalized, lowercased, uppercased
    case equalzero, plusone, minusone, even, odd, index
}

/// Where a list item is in its list, which `{{#first()}}`, `{{^last()}}` and `{{index()}}` ask.
struct SequencePosition {
    var first: Bool
    var last: Bool
    var index: Int

    /// The answer to a transform written with no name, or nil for one that does not apply.
    func value(of transform: TemplateTransform) -> TemplateValue? {
        switch transform {
        case .first: return .bool(first)
        case .last: return .bool(last)
        case .index: return .int(index)
        case .even: return .bool(index & 1 == 0)
        case .odd: return .bool(index & 1 == 1)
        default: return nil
        }
    }
}

/// Lets a nil Optional hidden inside `Any` be told apart from other values.
private protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    fileprivate var isNone: Bool { self == nil }
}
