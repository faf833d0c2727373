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
    ///
    /// Read scalar by scalar: ASCII by its byte (most of any body, and most of the indexing
    /// time), anything else lower-cased and decomposed on its own, which gives the same words
    /// as lower-casing and decomposing the whole text, since every mark is dropped.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(64)
        var length = 0
        func flush() {
            if length >= 2 && length <= 40 {
                let word = String(decoding: current, as: UTF8.self)
                if !stopSet.contains(word) { words.append(word) }
            }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        func append(_ scalar: Unicode.Scalar) {
            current.append(contentsOf: UTF8.encode(scalar)!)
            length += 1
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte); length += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32); length += 1
                default: flush()
                }
                continue
            }
            for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber:
                    append(part)
                default:
                    flush()
                }
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
