import Foundation

/// How search reads text, here and in the browser (`Themes/default/assets/search.js` does the
/// same steps): lower-case, decompose accents and drop them, split at anything that is not a
/// letter or a digit, keep words of 2 to 40 characters that are not stop words.
enum SearchText {
    /// Words too common to help; the browser gets this list from the index's manifest.
    static let stopWords: [String] = [
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
        "of", "on", "or", "that", "the", "their", "this", "to", "was", "we", "were", "will", "with",
    ]
    private static let stopSet = Set(stopWords)

    /// The words of `text` worth indexing, in order, repeats kept (they count towards the score).
    static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count >= 2 && current.count <= 40 {
                let word = String(current)
                if !stopSet.contains(word) { words.append(word) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                current.append(scalar)
            default:
                flush()
            }
        }
        flush()
        return words
    }

    /// The same steps on ASCII text, byte by byte: most bodies are ASCII, and this is most of the indexing time.
    private static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(40)
        func flush() {
            if current.count >= 2 && current.count <= 40 {
                let word = String(decoding: current, as: UTF8.self)
                if !stopSet.contains(word) { words.append(word) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            default: flush()
            }
        }
        flush()
        return words
    }

    /// The first `length` characters (Unicode scalars, as the browser's `Array.from` counts them).
    static func prefix(_ word: String, _ length: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(length)))
    }
}
