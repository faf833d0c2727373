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
        /// Each word once, with its score: 10 for each time it is in the title, 4 for each time
        /// in the summary and other fields, plus 1 for each time in the body (up to 10).
        var scores: [(word: String, score: Int)]

        init(title: String, path: String, kind: String, summary: String, titleWords: [String], summaryWords: [String], bodyWords: [String]) {
            self.title = title
            self.path = path
            self.kind = kind
            self.summary = summary
            var counts: [String: (weighted: Int, body: Int)] = [:]
            // Room for the distinct words at once (a body repeats many), not grown step by step.
            counts.reserveCapacity(titleWords.count + summaryWords.count + bodyWords.count / 2)
            for word in titleWords { counts[word, default: (0, 0)].weighted += 10 }
            for word in summaryWords { counts[word, default: (0, 0)].weighted += 4 }
            for word in bodyWords { counts[word, default: (0, 0)].body += 1 }
            self.scores = counts.map { (word: $0.key, score: $0.value.weighted + min($0.value.body, 10)) }
        }
    }

    static let folder = "search/index/"
    /// A term shard holding more postings than this is split by one more character of prefix.
    static let maxPostings = 6_000
    static let documentsPerShard = 25

    /// The entries, in order, without their scores (which are in `postings`).
    private(set) var entries: [Entry] = []
    /// Term -> its postings in entry order, each (entry number << 32 | score): 8 bytes a posting,
    /// since a large site has millions.
    private(set) var postings: [String: [UInt64]] = [:]

    /// Adds entries (numbered after those already added), moving their scores into the postings.
    mutating func add(_ more: [Entry]) {
        for var entry in more {
            let number = UInt64(entries.count)
            for (word, score) in entry.scores { postings[word, default: []].append(number << 32 | UInt64(score)) }
            entry.scores = []
            entries.append(entry)
        }
    }

    /// Prefix keys and the terms each holds: 2 characters to start with, longer where a shard is big.
    static func shards(_ postings: [String: [UInt64]]) -> [(key: String, terms: [String])] {
        var result: [(String, [String])] = []
        func split(_ terms: [String], key: String, length: Int) {
            let size = terms.reduce(0) { $0 + postings[$1]!.count }
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
        for term in postings.keys { groups[SearchText.prefix(term, 2), default: []].append(term) }
        for key in groups.keys.sorted() { split(groups[key]!.sorted(), key: key, length: 2) }
        return result.sorted { $0.0 < $1.0 }.map { (key: $0.0, terms: $0.1) }
    }

    /// Writes `value` in decimal digits, without making a String for it.
    private static func appendDecimal(_ value: UInt64, to text: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            text += buffer[start...]
        }
    }

    /// Every file of the index, under `search/index/`.
    func files() -> [OutputFile] {
        let shards = Self.shards(postings)
        var files: [OutputFile] = []
        let manifest: JSONValue = .object([
            "version": .number("1"), "keys": .array(shards.map { .string($0.key) }),
            "stop": .array(SearchText.stopWords.map(JSONValue.string)),
            "per": .number(String(Self.documentsPerShard)), "count": .number(String(entries.count)),
        ])
        files.append(OutputFile(path: Self.folder + "manifest.json", data: Data(manifest.compact.utf8)))
        // Terms are letters and digits only, so they need no escaping: shards are written directly, as bytes.
        files += Array(shards.enumerated()).parallelMap { number, shard in
            var text: [UInt8] = [UInt8(ascii: "{")]
            for (offset, term) in shard.terms.sorted().enumerated() {
                let list = postings[term]!
                text.reserveCapacity(text.count + term.utf8.count + list.count * 12 + 6)
                if offset > 0 { text.append(UInt8(ascii: ",")) }
                text.append(UInt8(ascii: "\""))
                text += term.utf8
                text += #"":["#.utf8
                for (index, posting) in list.enumerated() {
                    if index > 0 { text.append(UInt8(ascii: ",")) }
                    Self.appendDecimal(posting >> 32, to: &text)
                    text.append(UInt8(ascii: ","))
                    Self.appendDecimal(posting & 0xFFFF_FFFF, to: &text)
                }
                text.append(UInt8(ascii: "]"))
            }
            text.append(UInt8(ascii: "}"))
            return OutputFile(path: Self.folder + "t\(number).json", data: Data(text))
        }
        for start in stride(from: 0, to: entries.count, by: Self.documentsPerShard) {
            let slice = entries[start..<min(entries.count, start + Self.documentsPerShard)]
            let list = JSONValue.array(slice.map { .array([.string($0.title), .string($0.path), .string($0.kind), .string($0.summary)]) })
            files.append(OutputFile(path: Self.folder + "d\(start / Self.documentsPerShard).json", data: Data(list.compact.utf8)))
        }
        return files
    }
}
