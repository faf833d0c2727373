import Foundation
import XCTest
@testable import TrellisKit

/// The search index: words read as the browser reads them, shards small enough to fetch one at a
/// time, and a query for a known page finding it by the steps `search.js` takes.
final class SearchTests: XCTestCase {
    func testWordsAreFoldedAndStopWordsLeftOut() {
        XCTAssertEqual(SearchText.words("The NEET rate: 16–18 year-olds in Ynys Môn & Gwynedd"),
                       ["neet", "rate", "16", "18", "year", "olds", "ynys", "mon", "gwynedd"])
        XCTAssertEqual(SearchText.words("Children's CAFÉ a b"), ["children", "cafe"], "one-letter words and stop words go")
        XCTAssertEqual(SearchText.words("naïve\u{0301}ly"), ["naively"], "combining marks vanish inside a word")
        XCTAssertEqual(SearchText.prefix("môn", 2), "mô")
        XCTAssertEqual(SearchText.words("Children's CAFE, 2009-10 x"), ["children", "cafe", "2009", "10"], "the ASCII path reads the same")
        XCTAssertEqual(SearchText.words("Children's CAFÉ, 2009-10 x"), SearchText.words("Children's CAFE, 2009-10 x"), "as the Unicode path")
    }

    func testEveryStopWordAndOnlyTheStopWordsAreLeftOut() {
        XCTAssertEqual(SearchText.words(SearchText.stopWords.joined(separator: " ")), [])
        XCTAssertEqual(SearchText.words(SearchText.stopWords.joined(separator: " ").uppercased()), [])
        let nearMisses = ["th", "thes", "ther", "theirs", "wil", "withs", "ad", "ands", "ii", "fro", "haves", "o0", "thiss"]
        XCTAssertEqual(SearchText.words(nearMisses.joined(separator: " ")), nearMisses)
    }

    func testARunOfASCIIIsOneWordWithTheLettersAroundIt() {
        XCTAssertEqual(SearchText.words("abcé éabc aéb abc—def abc\u{0301}def THE The the0 Their"), ["abce", "eabc", "aeb", "abc", "def", "abcdef", "the0"])
        let forty = String(repeating: "a", count: 40)
        XCTAssertEqual(SearchText.words("\(forty) \(forty)b \(forty)é x1 Ål"), [forty, "x1", "al"], "40 characters at most, counted as characters")
        XCTAssertEqual(SearchText.words(""), [])
        XCTAssertEqual(SearchText.words("ab"), ["ab"], "a word at the very end")
    }

    func testCapitalsAreFoldedWhereverTheWordStartsAndEnds() {
        XCTAssertEqual(SearchText.words("ÉCOLE École éCOLE CAFÉ Café ÀB"), ["ecole", "ecole", "ecole", "cafe", "cafe", "ab"])
        XCTAssertEqual(SearchText.words("NEET\u{00A0}Rate X1y2Z3 aB"), ["neet", "rate", "x1y2z3", "ab"], "a non-ASCII space ends a capital word")
        let forty = String(repeating: "A", count: 40)
        XCTAssertEqual(SearchText.words("\(forty) \(forty)B \(forty)É Dé"), [forty.lowercased(), "de"], "40 characters at most, capitals or not")
        XCTAssertEqual(SearchText.words("WITH With wIth Wil THEIRS"), ["wil", "theirs"], "stop words in capitals go too")
        XCTAssertEqual(SearchText.words("Ab"), ["ab"], "a capital word at the very end")
        XCTAssertEqual(SearchText.words("Children’s ŴALES “Ωmega” Ǆemal"), ["children", "wales", "ωmega", "ǆemal"],
                       "looked-up characters (Latin, punctuation) read as worked-out ones (Greek) do")
    }

    /// Records what a reader hands over, hash and all.
    private struct HashCheck: WordSink {
        var words: [String] = []
        var wrongHashes: [String] = []

        mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            words.append(String(decoding: word, as: UTF8.self))
            if hash != WordTable.hash(word) { wrongHashes.append(words.last!) }
        }
    }

    func testEachWordComesWithItsOwnHash() {
        var check = HashCheck()
        let text = "Neet RATE rate naïve ÉCOLE écoles 2009-10 Ål x \(String(repeating: "Zz", count: 20))"
        SearchText.read(text, into: &check)
        XCTAssertEqual(check.words, SearchText.words(text))
        XCTAssertEqual(check.words.count, 10)
        XCTAssertEqual(check.wrongHashes, [], "the hash worked out while reading is WordTable.hash of the lower-case word")
    }

    func testAWordTableNumbersEachWordOnceInTheOrderFirstSeen() {
        var table = WordTable(capacity: 2)
        let words = (0..<300).map { "w\($0 % 150)" } + ["ab", "ba", "m\u{00F4}n", "mon", ""]
        let numbers = words.map { word in Array(word.utf8).withUnsafeBufferPointer { table.number(of: $0, hash: WordTable.hash($0)) } }
        XCTAssertEqual(numbers[0..<150], numbers[150..<300], "a word seen again keeps its number, however far the table grew")
        XCTAssertEqual(Array(numbers[0..<150]), Array(0..<150))
        XCTAssertEqual(Array(numbers[300...]), [150, 151, 152, 153, 154], "same length or same letters is not the same word")
        XCTAssertEqual(table.count, 155)
        XCTAssertEqual((0..<table.count).map(table.string), Array(words[0..<150]) + ["ab", "ba", "m\u{00F4}n", "mon", ""])
    }

    func testAnEntryScoresTitleFieldsAndBodyWords() {
        let body = Array(repeating: "neet", count: 12).joined(separator: " ") + " rate Rate"
        let entry = SearchIndex.Entry(title: "NEET rate, NEET", path: "measures/neet/", kind: "Measure", summary: "shown",
                                      fields: ["Young people NEET", "", "the rate"], body: body)
        let scores = Dictionary(uniqueKeysWithValues: entry.scores.indices.map { (entry.words.string($0), entry.scores[$0]) })
        XCTAssertEqual(scores, ["neet": 10 + 10 + 4 + 10, "rate": 10 + 4 + 2, "young": 4, "people": 4],
                       "10 a time in the title, 4 in the fields, 1 in the body up to 10; stop words left out")
    }

    func testABigShardIsSplitAndEveryTermHasOneHome() {
        var postings: [String: [UInt64]] = [:]
        for number in 0..<4 { postings["child\(number)x"] = (0..<2_000).map { UInt64($0) << 32 | 1 } }
        postings["ch"] = [1 << 32 | 1]
        postings["neet"] = [2 << 32 | 5]
        let shards = SearchIndex.shards(postings.mapValues(\.count))
        let keys = shards.map(\.key)
        XCTAssertTrue(keys.contains("ne"))
        XCTAssertTrue(keys.contains("ch"), "terms no longer than the key stay in it")
        XCTAssertTrue(keys.contains { $0.count > 2 && $0.hasPrefix("ch") }, "8,000 postings under ch are split: \(keys)")
        for shard in shards {
            XCTAssertLessThanOrEqual(shard.terms.reduce(0) { $0 + postings[$1]!.count }, SearchIndex.maxPostings + 2_000)
        }
        var home: [String: String] = [:]
        for shard in shards { for term in shard.terms { XCTAssertNil(home.updateValue(shard.key, forKey: term), term) } }
        XCTAssertEqual(Set(home.keys), Set(postings.keys))
        for (term, key) in home {
            XCTAssertEqual(keys.filter { term.hasPrefix($0) }.max { $0.count < $1.count }, key, "\(term) lives under its longest key")
        }
    }

    /// What `search.js` does for one word: the shards it fetches, then entry -> score.
    private func lookup(_ word: String, in site: TestSite) throws -> [Int: Int] {
        let manifest = try XCTUnwrap(OpenDataFixture.json(site, "search/index/manifest.json") as? [String: Any])
        let keys = try XCTUnwrap(manifest["keys"] as? [String])
        let prefix = word.unicodeScalars.count > 2
        var wanted = keys.indices.filter { prefix && keys[$0].hasPrefix(word) && keys[$0] != word }
        if let best = keys.indices.filter({ word.hasPrefix(keys[$0]) }).max(by: { keys[$0].count < keys[$1].count }) { wanted.append(best) }
        var scores: [Int: Int] = [:]
        for number in wanted {
            let shard = try XCTUnwrap(OpenDataFixture.json(site, "search/index/t\(number).json") as? [String: [Int]])
            for (term, list) in shard where term == word || (prefix && term.hasPrefix(word)) {
                for pair in stride(from: 0, to: list.count, by: 2) {
                    scores[list[pair]] = max(scores[list[pair]] ?? 0, list[pair + 1] * (term == word ? 2 : 1))
                }
            }
        }
        return scores
    }

    /// The path of result `number`, from its details shard.
    private func path(of number: Int, in site: TestSite) throws -> String {
        let shard = try XCTUnwrap(OpenDataFixture.json(site, "search/index/d\(number / SearchIndex.documentsPerShard).json") as? [[String]])
        return shard[number % SearchIndex.documentsPerShard][1]
    }

    func testSearchFindsAKnownPage() throws {
        let site = try OpenDataFixture.build(self)
        let neet = try lookup("neet", in: site)
        let best = try XCTUnwrap(neet.max { ($0.value, $1.key) < ($1.value, $0.key) })
        XCTAssertEqual(try path(of: best.key, in: site), "measures/neet/", "the title match ranks first")
        let paths = try Set(neet.keys.map { try path(of: $0, in: site) })
        XCTAssertTrue(paths.contains("partnerships/board/"), "found by a word in its body: \(paths)")
        let gosport = try lookup("gosp", in: site)
        XCTAssertEqual(try gosport.keys.map { try path(of: $0, in: site) }, ["partnerships/gosport/"], "a prefix finds the whole word")
        let priority = try lookup("learning", in: site)
        XCTAssertTrue(try priority.keys.map { try path(of: $0, in: site) }.contains("priorities/lcp-neet/"), "priorities are found too")
        let contact = try lookup("chair", in: site)
        XCTAssertTrue(try contact.keys.map { try path(of: $0, in: site) }.contains("contacts/chair/"), "contacts by their role")
        XCTAssertEqual(try lookup("zebra", in: site), [:])
    }

    func testTheIndexIsSplitIntoSmallFiles() throws {
        let site = try OpenDataFixture.build(self)
        let manifest = try XCTUnwrap(OpenDataFixture.json(site, "search/index/manifest.json") as? [String: Any])
        let keys = try XCTUnwrap(manifest["keys"] as? [String])
        XCTAssertEqual(manifest["count"] as? Int, 8 + 2, "eight documents and two priorities")
        XCTAssertEqual(manifest["stop"] as? [String], SearchText.stopWords)
        for number in keys.indices { XCTAssertTrue(site.exists("search/index/t\(number).json")) }
        XCTAssertFalse(site.exists("search/index/t\(keys.count).json"))
        XCTAssertTrue(site.exists("search/index/d0.json"))
    }

    func testTheSearchPageWorksWithoutScriptAndAnnouncesResults() throws {
        let site = try OpenDataFixture.build(self)
        let page = try site.page("search/")
        XCTAssertTrue(page.contains("<form class=\"search-form\" role=\"search\" method=\"get\" data-index=\"../search/index/\" data-root=\"../\">"))
        XCTAssertTrue(page.contains("<label for=\"search-q\">"))
        XCTAssertTrue(page.contains("role=\"status\" aria-live=\"polite\""))
        XCTAssertTrue(page.contains("needs JavaScript"), "says what to do without it")
        XCTAssertTrue(page.contains("<a href=\"../measures/\">Measures</a>"), "and links to the indices")
        let script = try XCTUnwrap(page.range(of: #"<script src="\.\./(theme/search\.[0-9a-f]+\.js)" defer></script>"#, options: .regularExpression))
        let published = String(page[script].dropFirst("<script src=\"../".count).prefix { $0 != "\"" })
        XCTAssertTrue(site.exists(published), published)
        XCTAssertFalse(page.contains("site-search-q"), "no second search box in the header here")
        let home = try site.page("")
        XCTAssertTrue(home.contains("<form class=\"site-search\" role=\"search\" aria-label=\"Site\" action=\"search/\" method=\"get\">"))
        XCTAssertTrue(home.contains("name=\"q\""))
        for script in page.components(separatedBy: "<script").dropFirst() {
            XCTAssertTrue(script.hasPrefix(" src=") || script.hasPrefix(" type=\"application/ld+json\""), "no inline script: <script\(script.prefix(40))")
        }
    }
}
