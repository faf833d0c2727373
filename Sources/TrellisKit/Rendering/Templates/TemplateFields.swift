import Markdown

/// An object's fields as templates see them. Names are looked up far more often than objects are
/// made, and mostly among a few dozen keys, outwards through every level of the context stack:
/// each key is kept with a hash of its bytes (FNV-1a, worked out once here and once per name when
/// a template is compiled) and found by scanning those hashes, where a Dictionary hashed the
/// name again with SipHash at every level.
struct TemplateFields: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Entry: Sendable {
        var hash: UInt64
        var key: String
        var value: TemplateValue
    }

    private var entries: [Entry] = []

    /// Fields from distinct keys, as a Dictionary's are.
    init<Pairs: Sequence>(uniqueKeysWithValues pairs: Pairs) where Pairs.Element == (String, TemplateValue) {
        entries.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs { entries.append(Entry(hash: Self.hash(key), key: key, value: value)) }
    }

    /// A dictionary built loosely, each value converted (see `TemplateValue.init(converting:)`).
    init(converting dictionary: [String: Any]) {
        self.init(uniqueKeysWithValues: dictionary.lazy.map { ($0.key, TemplateValue(converting: $0.value)) })
    }

    /// Fields of text; empty text is `.null`.
    init(_ dictionary: [String: String]) {
        self.init(uniqueKeysWithValues: dictionary.lazy.map { ($0.key, TemplateValue($0.value)) })
    }

    /// Fields written out; a key written twice keeps its last value.
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    /// Fields in order; a key given twice keeps its last value.
    init(_ elements: [(String, TemplateValue)]) {
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    /// Sets each of `other`'s keys here, replacing a value already set.
    mutating func merge(_ other: TemplateFields) {
        for entry in other.entries { self[entry.key] = entry.value }
    }

    /// Sets each of `other`'s keys that is not set here yet.
    mutating func add(missingFrom other: TemplateFields) {
        for entry in other.entries where value(of: entry.key, hash: entry.hash) == nil {
            entries.append(entry)
        }
    }

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    /// The value of `key`, or nil; setting nil removes the key.
    subscript(key: String) -> TemplateValue? {
        get { value(of: key, hash: Self.hash(key)) }
        set {
            let hash = Self.hash(key)
            let index = entries.firstIndex { $0.hash == hash && $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(hash: hash, key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The value of `key`, whose `hash(_:)` is `hash`, or nil.
    func value(of key: String, hash: UInt64) -> TemplateValue? {
        var index = 0
        while index < entries.count {
            if entries[index].hash == hash && entries[index].key == key { return entries[index].value }
            index += 1
        }
        return nil
    }

    /// FNV-1a over the key's UTF-8 bytes: a key is short, and only needs telling apart from the
    /// other keys of its object.
    static func hash(_ key: String) -> UInt64 {
        key.withUTF8Bytes { FNV1a.hash($0) }
    }

    /// The same keys with equal values, in any order.
    static func == (lhs: TemplateFields, rhs: TemplateFields) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs.value(of: $0.key, hash: $0.hash) == $0.value }
    }
}
