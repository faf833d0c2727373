import Yams

/// Finds YAML anchors (`&name`) before the front matter is composed, so they can be refused.
///
/// Yams resolves an alias (`*name`) to the very node its anchor marks, so ten lines of aliases
/// can stand for a billion nodes ("billion laughs"), and Yams' own check for duplicate keys
/// hashes a key node all the way down: one aliased key hangs the build. Nothing in front matter
/// needs anchors, so a file that uses them is refused with a clear error instead.
enum YAMLAnchors {
    /// Where the first anchor is (Yams' 1-based line and column), or nil when there is none.
    ///
    /// Every `*` is replaced by `_` (same length, so positions hold) and the copy is composed:
    /// in the copy an alias is a plain scalar, so nothing is shared and composing is linear.
    /// Anchors survive the replacement and are found on the copy's nodes while its parser, which
    /// keeps them alive, is in scope. Without anchors, any alias in the real text is undefined and
    /// Yams refuses it at once. A copy that does not parse is left to the real text's error.
    static func first(in yaml: String) -> Mark? {
        guard yaml.utf8.contains(UInt8(ascii: "&")) else { return nil }
        let copy = String(decoding: yaml.utf8.map { $0 == UInt8(ascii: "*") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
        guard let parser = try? Parser(yaml: copy, resolver: .basic, encoding: .utf8), let root = try? parser.singleRoot() else { return nil }
        return withExtendedLifetime(parser) {
            // Iterative: nesting depth is up to the file (libyaml stops it at 1,000 levels).
            var pending = [root]
            while let node = pending.popLast() {
                switch node {
                case .scalar(let scalar):
                    if scalar.anchor != nil { return scalar.mark }
                case .sequence(let sequence):
                    if sequence.anchor != nil { return sequence.mark }
                    pending += sequence.reversed()
                case .mapping(let mapping):
                    if mapping.anchor != nil { return mapping.mark }
                    for (key, value) in mapping.reversed() { pending += [value, key] }
                case .alias(let alias):
                    return alias.mark
                }
            }
            return nil
        }
    }
}
