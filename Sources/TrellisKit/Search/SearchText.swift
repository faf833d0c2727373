import Foundation
import Markdown

/// How search reads text, here and in the browser (`Themes/default/assets/search.js` does the
/// same steps): lower-case, decompose accents and drop them, split at anything that is not a
/// letter or a digit, keep words of 2 to 40 characters that are not stop words.
enum SearchText {
    /// Words too common to help; the browser gets this list from the index's manifest.
    static let stopWords: [String] = [
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
        "of", "on", "or", "that", "the", "their", "this", "to", "was", "we", "were", "will", "with",
    ]
    /// The stop words packed (as `packed` packs a word) in 128 slots, each in the slot its
    /// packed value times `multiplier` names in its top 7 bits, none sharing one: a word is
    /// checked with a multiply and one comparison, not a hash or a search. The multiplier is the
    /// first of a fixed sequence that leaves no two stop words in one slot.
    private static let stopSlots: (multiplier: UInt64, slots: [UInt64]) = {
        let words = stopWords.map { packed(Array($0.utf8)) }
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        while true {
            var slots = [UInt64](repeating: 0, count: 128)
            var clash = false
            for word in words {
                let slot = Int(truncatingIfNeeded: (word &* multiplier) >> 57)
                clash = clash || slots[slot] != 0
                slots[slot] = word
            }
            if !clash { return (multiplier, slots) }
            multiplier &+= 0x6A09_E667_F3BC_C90A // even, so the multiplier stays odd
        }
    }()
    /// The longest stop word's length in bytes: a longer word is never one.
    private static let longestStopWord = stopWords.map(\.utf8.count).max()!

    /// Up to 8 bytes as one number, first byte highest (never 0 for a word).
    private static func packed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) } << (8 * UInt64(8 - bytes.count))
    }

    /// Whether the lower-case word in `bytes` is a stop word.
    fileprivate static func isStopWord<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard bytes.count <= longestStopWord else { return false }
        let word = packed(bytes)
        return stopSlots.slots[Int(truncatingIfNeeded: (word &* stopSlots.multiplier) >> 57)] == word
    }

    /// The words of `text` worth indexing, in order, repeats kept (they count towards the score).
    static func words(_ text: String) -> [String] {
        var strings = WordStrings()
        read(text, into: &strings)
        return strings.words
    }

    /// Hands `sink` the words of `text` worth indexing, in order, repeats kept, each as the bytes
    /// of its lower-case UTF-8 for just that call, so no String need be made for it.
    ///
    /// Read by bytes: a run of ASCII letters and digits (most of any body, and most of the
    /// indexing time) is taken whole; anything else is decoded, lower-cased and decomposed on its
    /// own, which gives the same words as lower-casing and decomposing the whole text, since
    /// every mark is dropped.
    static func read<Sink: WordSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { bytes in
            var reader = WordReader()
            reader.read(bytes, into: &sink)
            reader.flush(into: &sink)
        }
    }

    /// The first `length` characters (Unicode scalars, as the browser's `Array.from` counts them).
    static func prefix(_ word: String, _ length: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(length)))
    }
}

/// What takes the words `SearchText.read` finds: lower-case UTF-8, 2 to 40 characters, no stop words.
protocol WordSink {
    /// One word; its bytes are valid only during the call.
    mutating func take(_ word: UnsafeBufferPointer<UInt8>)
}

/// The words as Strings, for `SearchText.words`.
private struct WordStrings: WordSink {
    var words: [String] = []

    mutating func take(_ word: UnsafeBufferPointer<UInt8>) {
        words.append(String(decoding: word, as: UTF8.self))
    }
}

/// Reads the words of UTF-8 text for `SearchText.read`; all its state is its own, so reading
/// needs no checks that two closures do not change it at once.
private struct WordReader {
    /// The word being read, lower-cased, while it is not a plain run of ASCII.
    private var current: [UInt8] = []
    /// Its length in characters (Unicode scalars).
    private var length = 0

    mutating func read<Sink: WordSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard Self.isWordByte(byte) else {
                    flush(into: &sink)
                    index += 1
                    continue
                }
                let start = index
                var hasCapital = false
                while index < bytes.count, Self.isWordByte(bytes[index]) {
                    hasCapital = hasCapital || bytes[index] <= UInt8(ascii: "Z") && bytes[index] >= UInt8(ascii: "A")
                    index += 1
                }
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if current.isEmpty && !hasCapital && (index == bytes.count || bytes[index] < 0x80) {
                    add(run, into: &sink) // a whole word, as it stands
                } else {
                    for letter in run { current.append(letter >= UInt8(ascii: "A") && letter <= UInt8(ascii: "Z") ? letter + 32 : letter) }
                    length += run.count
                }
                continue
            }
            let (decoded, end) = UTF8Scalar.decode(bytes, at: index)
            index = end
            guard let scalar = decoded else {
                flush(into: &sink)
                continue
            }
            for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber:
                    current.append(contentsOf: UTF8.encode(part)!)
                    length += 1
                default:
                    flush(into: &sink)
                }
            }
        }
    }

    /// Ends the word being read.
    mutating func flush<Sink: WordSink>(into sink: inout Sink) {
        guard !current.isEmpty else { return }
        if length >= 2 && length <= 40 && !SearchText.isStopWord(current) { current.withUnsafeBufferPointer { sink.take($0) } }
        current.removeAll(keepingCapacity: true)
        length = 0
    }

    /// A word of lower-case ASCII, kept unless it is too short, too long or a stop word.
    private func add<Sink: WordSink>(_ word: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        if word.count >= 2 && word.count <= 40 && !SearchText.isStopWord(word) { sink.take(word) }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: false
        }
    }
}
