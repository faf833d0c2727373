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
    /// The stop words packed as `packed` packs a word, so a word is checked without hashing it.
    private static let packedStopWords = stopWords.map { packed(Array($0.utf8)) }.sorted()
    /// The longest stop word's length in bytes: a longer word is never one.
    private static let longestStopWord = stopWords.map(\.utf8.count).max()!

    /// Up to 8 bytes as one number, first byte highest, so packed words sort as the words do.
    private static func packed(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) } << (8 * UInt64(8 - bytes.count))
    }

    /// Whether the lower-case word in `bytes` is a stop word.
    private static func isStopWord(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= longestStopWord else { return false }
        let word = packed(bytes)
        var low = 0, high = packedStopWords.count
        while low < high {
            let middle = (low + high) / 2
            if packedStopWords[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low < packedStopWords.count && packedStopWords[low] == word
    }

    /// The words of `text` worth indexing, in order, repeats kept (they count towards the score).
    ///
    /// Read byte by byte: ASCII as it is (most of any body, and most of the indexing time),
    /// anything else decoded, lower-cased and decomposed on its own, which gives the same words
    /// as lower-casing and decomposing the whole text, since every mark is dropped.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(64)
        var length = 0
        func flush() {
            if length >= 2 && length <= 40 && !isStopWord(current) {
                words.append(String(decoding: current, as: UTF8.self))
            }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        func append(_ scalar: Unicode.Scalar) {
            current.append(contentsOf: UTF8.encode(scalar)!)
            length += 1
        }
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte); length += 1
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32); length += 1
                    default: flush()
                    }
                    index += 1
                    continue
                }
                let end = min(index + (byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4), bytes.count)
                var decoder = UTF8()
                var iterator = bytes[index..<end].makeIterator()
                index = end
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { flush(); continue }
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
        }
        flush()
        return words
    }

    /// The first `length` characters (Unicode scalars, as the browser's `Array.from` counts them).
    static func prefix(_ word: String, _ length: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(length)))
    }
}
