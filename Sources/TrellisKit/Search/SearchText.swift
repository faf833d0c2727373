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
        var lowered = text.lowercased()
        if !lowered.utf8.allSatisfy({ $0 < 0x80 }) { lowered = lowered.decomposedStringWithCanonicalMapping }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count >= 2 && current.count <= 40 {
                let word = String(current)
                if !stopSet.contains(word) { words.append(word) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in lowered.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) { current.append(scalar) } else { flush() }
                continue
            }
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

    /// The first `length` characters (Unicode scalars, as the browser's `Array.from` counts them).
    static func prefix(_ word: String, _ length: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(length)))
    }
}
