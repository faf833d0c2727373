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
    /// The stop words, for a reader to take once and check each word against.
    fileprivate static let stops = StopWords(stopWords)

    /// Each byte's lower-case self if it is an ASCII letter or digit, else 0 (as for every byte
    /// from 0x80 up): reading a run of a word is one load and one test a byte.
    fileprivate static let wordBytes: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) + 32
        default: 0
        }
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
        text.withUTF8Bytes { bytes in
            wordBytes.withUnsafeBufferPointer { wordBytes in
                var reader = WordReader(wordBytes: wordBytes, stops: stops)
                reader.read(bytes, into: &sink)
                reader.flush(into: &sink)
            }
        }
    }

    /// What reading one non-ASCII character does to the word being read, in order.
    fileprivate enum Step {
        /// Adds a letter or digit, as UTF-8.
        case letter([UInt8])
        /// Ends the word.
        case end
    }

    /// The steps for `scalar`, looked up for the non-ASCII characters most text has: lower-casing
    /// and decomposing one costs thousands of instructions.
    fileprivate static func steps(_ scalar: Unicode.Scalar) -> [Step] {
        switch scalar.value {
        case 0x80..<0x250: latinSteps[Int(scalar.value) - 0x80]
        case 0x2000..<0x2070: punctuationSteps[Int(scalar.value) - 0x2000]
        default: workedOutSteps(scalar)
        }
    }

    /// The steps for Latin-1 and Latin Extended, worked out once.
    private static let latinSteps = (0x80..<0x250).map { workedOutSteps(Unicode.Scalar(UInt32($0))!) }
    /// The steps for General Punctuation (dashes, curly quotes), worked out once.
    private static let punctuationSteps = (0x2000..<0x2070).map { workedOutSteps(Unicode.Scalar(UInt32($0))!) }

    /// The steps for `scalar`: lower-cased and decomposed on its own, its marks dropped.
    private static func workedOutSteps(_ scalar: Unicode.Scalar) -> [Step] {
        String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.compactMap { part in
            switch part.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                nil
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                .letter(Array(UTF8.encode(part)!))
            default:
                .end
            }
        }
    }

    /// The first `length` characters (Unicode scalars, as the browser's `Array.from` counts them).
    static func prefix(_ word: String, _ length: Int) -> String {
        String(word.unicodeScalars.prefix(length))
    }
}

/// What takes the words `SearchText.read` finds: lower-case UTF-8, 2 to 40 characters, no stop words.
protocol WordSink {
    /// One word and its `WordTable.hash`, worked out as the word was read; its bytes are valid
    /// only during the call.
    mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64)
}

/// The words as Strings, for `SearchText.words`.
private struct WordStrings: WordSink {
    var words: [String] = []

    mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        words.append(String(decoding: word, as: UTF8.self))
    }
}

/// The stop words packed (as `packed` packs a word) in 128 slots, each in the slot its packed
/// value times `multiplier` names in its top 7 bits, none sharing one: a word is checked with a
/// multiply and one comparison, not a hash or a search. The multiplier is the first of a fixed
/// sequence that leaves no two stop words in one slot.
private struct StopWords {
    private var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var slots: [UInt64] = []
    /// The longest stop word's length in bytes: a longer word is never one.
    private let longest: Int

    init(_ words: [String]) {
        longest = words.map(\.utf8.count).max() ?? 0
        let packed = words.map { word in Array(word.utf8).withUnsafeBufferPointer(Self.packed) }
        while true {
            slots = [UInt64](repeating: 0, count: 128)
            var clash = false
            for word in packed {
                let slot = slot(word)
                clash = clash || slots[slot] != 0
                slots[slot] = word
            }
            if !clash { return }
            multiplier &+= 0x6A09_E667_F3BC_C90A // even, so the multiplier stays odd
        }
    }

    /// Whether the lower-case word in `word` is a stop word.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= longest else { return false }
        let packed = Self.packed(word)
        return slots[slot(packed)] == packed
    }

    private func slot(_ packed: UInt64) -> Int {
        Int(truncatingIfNeeded: (packed &* multiplier) >> 57)
    }

    /// Up to 8 bytes as one number, first byte highest (never 0 for a word).
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) } << (8 * UInt64(8 - bytes.count))
    }
}

/// Reads the words of UTF-8 text for `SearchText.read`; all its state is its own, so reading
/// needs no checks that two closures do not change it at once.
private struct WordReader {
    /// `SearchText.wordBytes`, reached without a check on each byte that it has been made.
    private let wordBytes: UnsafeBufferPointer<UInt8>
    private let stops: StopWords
    /// The word being read, lower-cased, while it is not a plain run of ASCII.
    private var current: [UInt8] = []
    /// Its length in characters (Unicode scalars).
    private var length = 0

    init(wordBytes: UnsafeBufferPointer<UInt8>, stops: StopWords) {
        self.wordBytes = wordBytes
        self.stops = stops
    }

    mutating func read<Sink: WordSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        guard let text = bytes.baseAddress else { return }
        let end = bytes.count
        var index = 0
        while index < end {
            var letter = wordBytes[Int(text[index])]
            if letter == 0 {
                if text[index] < 0x80 {
                    flush(into: &sink)
                    index += 1
                } else {
                    index = readScalar(bytes, at: index, into: &sink)
                }
                continue
            }
            // A run of ASCII letters and digits, hashed lower-case as it is read.
            let start = index
            var hash = FNV1a.start
            var capitals: UInt8 = 0
            while true {
                hash = FNV1a.adding(letter, to: hash)
                capitals |= letter ^ text[index]
                index += 1
                guard index < end else { break }
                letter = wordBytes[Int(text[index])]
                if letter == 0 { break }
            }
            let run = UnsafeBufferPointer(start: text + start, count: index - start)
            if !current.isEmpty || index < end && text[index] >= 0x80 {
                for byte in run { current.append(wordBytes[Int(byte)]) } // part of a word with other letters
                length += run.count
            } else if capitals == 0 {
                keep(run, hash: hash, into: &sink) // a whole word, as it stands
            } else if run.count <= 40 {
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: run.count) { lowered in
                    for (at, byte) in run.enumerated() { lowered[at] = wordBytes[Int(byte)] }
                    keep(UnsafeBufferPointer(lowered), hash: hash, into: &sink)
                }
            }
        }
    }

    /// Reads the character whose first byte (0x80 or above) is at `index`: decoded, lower-cased
    /// and decomposed on its own; returns the index after it.
    private mutating func readScalar<Sink: WordSink>(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into sink: inout Sink) -> Int {
        let (decoded, end) = UTF8Scalar.decode(bytes, at: index)
        guard let scalar = decoded else {
            flush(into: &sink)
            return end
        }
        for step in SearchText.steps(scalar) {
            switch step {
            case .letter(let letter):
                current.append(contentsOf: letter)
                length += 1
            case .end:
                flush(into: &sink)
            }
        }
        return end
    }

    /// Ends the word being read.
    mutating func flush<Sink: WordSink>(into sink: inout Sink) {
        guard !current.isEmpty else { return }
        if length >= 2 && length <= 40 {
            current.withUnsafeBufferPointer { word in
                if !stops.contains(word) { sink.take(word, hash: WordTable.hash(word)) }
            }
        }
        current.removeAll(keepingCapacity: true)
        length = 0
    }

    /// A word of lower-case ASCII and its hash, kept unless it is too short, too long or a stop word.
    private func keep<Sink: WordSink>(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, into sink: inout Sink) {
        if word.count >= 2 && word.count <= 40 && !stops.contains(word) { sink.take(word, hash: hash) }
    }
}
