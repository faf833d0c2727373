/// Distinct words, each kept once as UTF-8 bytes and numbered in the order first seen, and found
/// again by their bytes: counting a body's words this way makes no String for each occurrence and
/// hashes a word with a few instructions a byte, where a `[String: ...]` key cost several hundred.
struct WordTable: Sendable {
    /// Every word's bytes, one after another, then room for more: the first `used` are words.
    private var bytes: [UInt8]
    private var used = 0
    /// Word number -> where its bytes are, and its hash, kept so a word moves to a bigger table
    /// (or another table) unhashed.
    private var words: [Word] = []
    /// Open addressing: a word's number plus one, or 0 for an empty slot; a power of two long.
    private var slots: [Int32]

    private struct Word {
        var start: Int
        var count: Int
        var hash: UInt64
    }

    /// A table with room for about `capacity` words before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        words.reserveCapacity(capacity)
        bytes = Array(repeating: 0, count: capacity * 8)
    }

    /// How many distinct words.
    var count: Int { words.count }

    /// A word's hash (FNV-1a).
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(word) }

    /// The number of `word` (whose hash is `hash`), adding it if it is new.
    mutating func number(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while true {
            let found = Int(slots[slot]) - 1
            if found < 0 { break }
            if words[found].hash == hash, matches(words[found], word) { return found }
            slot = (slot + 1) & mask
        }
        let number = words.count
        slots[slot] = Int32(number + 1)
        words.append(Word(start: used, count: word.count, hash: hash))
        store(word)
        if words.count * 2 > slots.count { grow() }
        return number
    }

    /// Calls `body` with each word's number, bytes and hash, in number order: the bytes are
    /// reached once for them all, not once a word.
    func forEach(_ body: (_ number: Int, _ word: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for (number, word) in words.enumerated() { body(number, UnsafeBufferPointer(rebasing: all[word.start..<word.start + word.count]), word.hash) }
        }
    }

    /// Word `number` as a String.
    func string(_ number: Int) -> String {
        let word = words[number]
        return String(decoding: bytes[word.start..<word.start + word.count], as: UTF8.self)
    }

    private func matches(_ stored: Word, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == word.count else { return false }
        guard let other = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { all in Self.same(all.baseAddress! + stored.start, other, count: word.count) }
    }

    /// Whether the `count` bytes at `one` and at `other` are the same: compared 8 at a time, the
    /// last 8 (or 4, or 2) read overlapping those before, so no byte past either end is read.
    /// Most words are found again, and this is most of the cost of finding them.
    private static func same(_ one: UnsafePointer<UInt8>, _ other: UnsafePointer<UInt8>, count: Int) -> Bool {
        func equal<Part: FixedWidthInteger & BitwiseCopyable>(_ part: Part.Type, at offset: Int) -> Bool {
            UnsafeRawPointer(one).loadUnaligned(fromByteOffset: offset, as: part) == UnsafeRawPointer(other).loadUnaligned(fromByteOffset: offset, as: part)
        }
        switch count {
        case 8...:
            var offset = 0
            while offset < count - 8 {
                guard equal(UInt64.self, at: offset) else { return false }
                offset += 8
            }
            return equal(UInt64.self, at: count - 8)
        case 4...: return equal(UInt32.self, at: 0) && equal(UInt32.self, at: count - 4)
        case 2...: return equal(UInt16.self, at: 0) && equal(UInt16.self, at: count - 2)
        case 1: return one.pointee == other.pointee
        default: return true
        }
    }

    /// Copies `word` after the words in `bytes`, doubling the room when it runs out: one
    /// uniqueness check and a memcpy, where appending the bytes cost several times more.
    private mutating func store(_ word: UnsafeBufferPointer<UInt8>) {
        guard let source = word.baseAddress, word.count > 0 else { return }
        let start = used
        used += word.count
        if used > bytes.count { bytes += repeatElement(0, count: max(used, 2 * bytes.count) - bytes.count) }
        bytes.withUnsafeMutableBufferPointer { all in (all.baseAddress! + start).update(from: source, count: word.count) }
    }

    private mutating func grow() {
        var bigger = Array<Int32>(repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (number, word) in words.enumerated() {
            var slot = Int(truncatingIfNeeded: word.hash ^ word.hash >> 29) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(number + 1)
        }
        slots = bigger
    }
}
