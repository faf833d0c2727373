import Foundation

/// The site's search index, split so a browser fetches only what a query needs: a small manifest,
/// one shard of terms per word prefix (a prefix whose shard grows too big is split by a longer
/// one), and the result details in shards of 25 entries. A site of 10,000 documents is
/// searched by fetching a few tens of kilobytes.
struct SearchIndex {
    /// One thing a search can find, with the words it is found by and how well each matches.
    struct Entry: Sendable {
        var title: String
        /// Site path of its page, such as `measures/neet/`.
        var path: String
        var kind: String
        var summary: String
        /// Each word once, numbered as first read.
        fileprivate(set) var words: WordTable
        /// Word number -> its score: 10 for each time it is in the title, 4 for each time in the
        /// summary and other fields, plus 1 for each time in the body (up to 10).
        fileprivate(set) var scores: [Int]

        /// The entry for a thing whose title, summary and other fields (`fields`), and body read so.
        init(title: String, path: String, kind: String, summary: String, fields: [String], body: String) {
            self.title = title
            self.path = path
            self.kind = kind
            self.summary = summary
            // Room for the distinct words at once (a body repeats many), not grown step by step.
            var counts = WordCounts(capacity: 16 + body.utf8.count / 16)
            SearchText.read(title, into: &counts)
            counts.weight = 4
            for field in fields { SearchText.read(field, into: &counts) }
            counts.weight = 0
            SearchText.read(body, into: &counts)
            words = counts.words
            scores = counts.counts.map { $0.weighted + min($0.body, 10) }
        }

        /// The title's, fields' and body's words counted as they are read.
        private struct WordCounts: WordSink {
            var words: WordTable
            /// Word number -> what its title and field occurrences add, and its body occurrences.
            var counts: [(weighted: Int, body: Int)] = []
            /// What a word read now adds to `weighted`; 0 counts it in `body`.
            var weight = 10

            init(capacity: Int) {
                words = WordTable(capacity: capacity)
                counts.reserveCapacity(capacity)
            }

            mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
                let number = words.number(of: word, hash: hash)
                if number == counts.count {
                    counts.append(weight == 0 ? (0, 1) : (weight, 0))
                } else if weight == 0 {
                    counts[number].body += 1
                } else {
                    counts[number].weighted += weight
                }
            }
        }
    }

    static let folder = "search/index/"
    /// A term shard holding more postings than this is split by one more character of prefix.
    static let maxPostings = 6_000
    static let documentsPerShard = 25

    /// The entries, in order, without their words and scores (which are in `postings`).
    private(set) var entries: [Entry] = []
    /// Every term once, numbered as first added.
    private var terms = WordTable(capacity: 1 << 12)
    /// Term number -> its postings in entry order, each (entry number << 32 | score): 8 bytes a
    /// posting, since a large site has millions.
    private var postings: [[UInt64]] = []

    /// Adds entries (numbered after those already added), moving their scores into the postings.
    mutating func add(_ more: [Entry]) {
        entries.reserveCapacity(entries.count + more.count)
        for var entry in more {
            let number = UInt64(entries.count)
            entry.words.forEach { word, bytes, hash in
                let term = terms.number(of: bytes, hash: hash)
                if term == postings.count { postings.append([]) }
                postings[term].append(number << 32 | UInt64(entry.scores[word]))
            }
            entry.words = Self.noWords
            entry.scores = []
            entries.append(entry)
        }
    }

    private static let noWords = WordTable(capacity: 0)

    /// Each term (a String at last, for sorting and writing) and its number.
    private var termNumbers: [String: Int] {
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(terms.count)
        for number in 0..<terms.count { numbers[terms.string(number)] = number }
        return numbers
    }

    /// Prefix keys and the terms each holds: 2 characters to start with, longer where a shard is big.
    static func shards(_ sizes: [String: Int]) -> [(key: String, terms: [String])] {
        var result: [(String, [String])] = []
        func split(_ terms: [String], key: String, length: Int) {
            let size = terms.reduce(0) { $0 + sizes[$1]! }
            guard size > maxPostings, length < 6 else { result.append((key, terms)); return }
            var stay: [String] = []
            var groups: [String: [String]] = [:]
            for term in terms {
                if term.unicodeScalars.count > length { groups[SearchText.prefix(term, length + 1), default: []].append(term) } else { stay.append(term) }
            }
            if !stay.isEmpty { result.append((key, stay)) }
            for longer in groups.keys.sorted() { split(groups[longer]!, key: longer, length: length + 1) }
        }
        var groups: [String: [String]] = [:]
        for term in sizes.keys { groups[SearchText.prefix(term, 2), default: []].append(term) }
        for key in groups.keys.sorted() { split(groups[key]!.sorted(), key: key, length: 2) }
        return result.sorted { $0.0 < $1.0 }.map { (key: $0.0, terms: $0.1) }
    }

    /// Writes `value` in decimal digits at `index` of `out`, without making a String for it;
    /// returns the index after them.
    private static func writeDecimal(_ value: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index + 1
        var limit: UInt64 = 10
        while UInt64(value) >= limit {
            end += 1
            limit &*= 10
        }
        var rest = value
        var at = end
        repeat {
            at -= 1
            out[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        return end
    }

    /// A term shard's JSON, `{"term":[entry,score,...],...}`, terms in order. Terms are letters
    /// and digits only, so they need no escaping: the bytes are written directly, into a buffer
    /// made big enough at once (every number at most 10 digits and a comma).
    private func shardJSON(_ terms: [String], numbers: [String: Int]) -> [UInt8] {
        let lists = terms.map { postings[numbers[$0]!] }
        let capacity = zip(terms, lists).reduce(2) { $0 + $1.0.utf8.count + 6 + $1.1.count * 22 }
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var at = 0
            out[at] = UInt8(ascii: "{")
            at += 1
            for (offset, (term, list)) in zip(terms, lists).enumerated() {
                if offset > 0 {
                    out[at] = UInt8(ascii: ",")
                    at += 1
                }
                out[at] = UInt8(ascii: "\"")
                at += 1
                for byte in term.utf8 {
                    out[at] = byte
                    at += 1
                }
                for byte in #"":["#.utf8 {
                    out[at] = byte
                    at += 1
                }
                for (index, posting) in list.enumerated() {
                    if index > 0 {
                        out[at] = UInt8(ascii: ",")
                        at += 1
                    }
                    at = Self.writeDecimal(UInt32(posting >> 32), into: out, at: at)
                    out[at] = UInt8(ascii: ",")
                    at = Self.writeDecimal(UInt32(posting & 0xFFFF_FFFF), into: out, at: at + 1)
                }
                out[at] = UInt8(ascii: "]")
                at += 1
            }
            out[at] = UInt8(ascii: "}")
            count = at + 1
        }
    }

    /// Every file of the index, under `search/index/`.
    func files() -> [OutputFile] {
        let numbers = termNumbers
        let shards = Self.shards(numbers.mapValues { postings[$0].count })
        var files: [OutputFile] = []
        let manifest: JSONValue = .object([
            "version": .number("1"), "keys": .array(shards.map { .string($0.key) }),
            "stop": .array(SearchText.stopWords.map(JSONValue.string)),
            "per": .number(String(Self.documentsPerShard)), "count": .number(String(entries.count)),
        ])
        files.append(OutputFile(path: Self.folder + "manifest.json", data: Data(manifest.compact.utf8)))
        files += Array(shards.enumerated()).parallelMap { number, shard in
            OutputFile(path: Self.folder + "t\(number).json", data: Data(shardJSON(shard.terms.sorted(), numbers: numbers)))
        }
        for start in stride(from: 0, to: entries.count, by: Self.documentsPerShard) {
            let slice = entries[start..<min(entries.count, start + Self.documentsPerShard)]
            let list = JSONValue.array(slice.map { .array([.string($0.title), .string($0.path), .string($0.kind), .string($0.summary)]) })
            files.append(OutputFile(path: Self.folder + "d\(start / Self.documentsPerShard).json", data: Data(list.compact.utf8)))
        }
        return files
    }
}
