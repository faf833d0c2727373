/// Distinct words, each kept once as UTF-8 bytes and numbered in the order first seen, and found
/// again by their bytes: counting a body's words this way makes no String for each occurrence and
/// hashes a word with a few instructions a byte, where a `[String: ...]` key cost several hundred.
struct WordTable: Sendable {
    /// Every word's bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where word n starts in `bytes`; one more than there are words, the last the end.
    private var starts: [Int] = [0]
    /// Each word's hash, kept so a word moves to a bigger table (or another table) unhashed.
    private var hashes: [UInt64] = []
    /// Open addressing: a word's number plus one, or 0 for an empty slot; a power of two long.
    private var slots: [Int32]

    /// A table with room for about `capacity` words before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
        bytes.reserveCapacity(capacity * 8)
    }

    /// How many distinct words.
    var count: Int { hashes.count }

    /// A word's hash (FNV-1a).
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(word) }

    /// The number of `word` (whose hash is `hash`), adding it if it is new.
    mutating func number(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while true {
            let found = Int(slots[slot]) - 1
            if found < 0 { break }
            if hashes[found] == hash, matches(found, word) { return found }
            slot = (slot + 1) & mask
        }
        let number = hashes.count
        slots[slot] = Int32(number + 1)
        hashes.append(hash)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        if hashes.count * 2 > slots.count { grow() }
        return number
    }

    /// Calls `body` with the bytes of word `number`.
    func withWord<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number + 1]])) }
    }

    /// Calls `body` with each word's number, bytes and hash, in number order: the bytes are
    /// reached once for them all, not once a word.
    func forEach(_ body: (_ number: Int, _ word: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for number in hashes.indices { body(number, UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number + 1]]), hashes[number]) }
        }
    }

    /// Word `number` as a String.
    func string(_ number: Int) -> String {
        withWord(number) { String(decoding: $0, as: UTF8.self) }
    }

    private func matches(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var offset = 0
            while offset < word.count, all[start + offset] == word[offset] { offset += 1 }
            return offset == word.count
        }
    }

    private mutating func grow() {
        var bigger = Array<Int32>(repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(number + 1)
        }
        slots = bigger
    }
}
