import Foundation
import XCTest
@testable import TrellisKit

/// `SimpleYAML` reads the common forms of front matter without libyaml: wherever it gives a node,
/// the node must be the one libyaml gives (texts, plain or quoted, lines and columns), and
/// wherever the text is anything else it must leave it to libyaml.
final class SimpleYAMLTests: XCTestCase {
    private func simple(_ yaml: String) -> YAMLNode? {
        yaml.withUTF8Bytes { SimpleYAML.parse($0) }
    }

    /// Fails when `SimpleYAML` reads `yaml` differently from libyaml; whether it read it.
    @discardableResult
    private func assertAgrees(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let node = simple(yaml) else { return false }
        XCTAssertEqual(YAMLParser.withLibyaml(yaml), .success(node), "\n\(yaml)", file: file, line: line)
        return true
    }

    func testTheFormsItReadsGiveWhatLibyamlGives() {
        let texts = [
            "title: Gosport Children's Partnership\nsummary: \"Who we are, and what we do.\"\n",
            "title: x",
            "title:   \"spaced\"   \nstatus: established  \n\n\nupdated: 2024-04-01\n",
            "contacts: [sophie-edwards-133]\nmeasures: [a, \"b c\",   d-e ]\nnone: []\n",
            "members:\n  - \"Brookvale Jobcentre Plus\"\n  - { name: \"Upton Fire\", sector: \"local government\", role: chair }\n  - Plain member\n",
            "members:\n- unindented\n- { name: x }\nnext: key\n",
            "risks:\n  - title: \"A risk\"\n    mitigation: \"What we do\"\n  - title: Another\n    mitigation: Plain words here\nupdated: 2024-01-01\n",
            "consultation:\n  opens: 2011-01-04T09:00\n  closes: 2011-01-31\n  extended:\n    to: 2011-02-14\nstatus: open\n",
            "title: \"Café — l’été\"\nsummary: Naïve façade, 10–20 “words”\narea: [Ærøskøbing, \"Zürich\"]\n",
            "url: https://www.example.org/a:b?c=d&e=f\ntime: 12:30\nratio: 3:1\n",
            "value: 52.0\nunit: \"%\"\nempty: {}\nflow: { a: 1, b: \"two\" }\n",
            "_under: x\nkey-with-dash: y\nK2: z\n",
            "a: \"quote 'single' inside\"\nb: text with \"quotes\" inside\nc: a [bracketed] plain, {braced}\n",
            "list:\n  - a\n\n  - b\n\nafter: c\n",
            "items:\n  - name: one\n    tags:\n    - x\n    - y\n  - name: two\n",
            String(repeating: "k", count: 1000) + ": a long key",
        ]
        for text in texts {
            XCTAssertTrue(assertAgrees(text), "should be read without libyaml:\n\(text)")
        }
    }

    func testEverythingElseIsLeftToLibyaml() {
        let texts = [
            "title: x # a comment", "# comment\ntitle: x", "title:\tx", "title: 'single'", "title: \"esc\\\"aped\"",
            "title: |\n  block\n", "title: >\n  folded\n", "title: &a x\nother: *a", "title: !tag x", "title: *alias",
            "title: a\n  continued on the next line", "title: \"two\n  lines\"", "title:\nnext: x", "title:",
            "title: x\ntitle: y", "title: a: b", "title: ends with:", "title:x", "\"quoted key\": x", "? complex\n: key",
            "- a\n- b", "  indented: root", "title: x\n---\nsecond: document", "%YAML 1.1\n---\ntitle: x",
            "title: -5", "title: ~", "title: [a, [nested]]", "title: [a, b,]", "title: [a\n  , b]", "title: {a:b}",
            "list:\n  - a\n   - b", "list:\n  - a\n  b: c", "list:\n  -\n  - b", "list:\n  - - a",
            "title: bom \u{FEFF}", "title: nel \u{85} here", "title: ls \u{2028} here", "title: c1 \u{9F}", "title: \u{FFFE}",
            "title: x\r\nsummary: y", "title: \u{7F}", "title: @at", "title: `tick`", "title: %pc", "",
            "map:\n  a: 1\n b: 2", String(repeating: "k", count: 1100) + ": too long a key",
        ]
        for text in texts {
            XCTAssertNil(simple(text), "should be left to libyaml:\n\(text)")
            XCTAssertEqual(YAMLParser.parse(text), YAMLParser.withLibyaml(text), "\n\(text)")
        }
    }

    /// Every file of the example site and the every-kind fixture, and of a corpus named by
    /// TRELLIS_YAML_CORPUS (a bench site's Content/, say) when it is set.
    func testEveryFileOfTheExampleAndTheFixtureReadsAsLibyamlReadsIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var folders = [root.appendingPathComponent("Content"), root.appendingPathComponent("Tests/Fixtures/every-kind/Content")]
        if let corpus = ProcessInfo.processInfo.environment["TRELLIS_YAML_CORPUS"] { folders.append(URL(fileURLWithPath: corpus)) }
        var files = 0, read = 0
        for text in try folders.flatMap(frontMatters) {
            files += 1
            if assertAgrees(text) { read += 1 }
        }
        XCTAssertGreaterThan(files, 20)
        XCTAssertGreaterThan(read * 2, files, "most front matter should be read without libyaml (\(read) of \(files))")
    }

    /// Front matter changed a byte or a few at random, many times over: wherever `SimpleYAML`
    /// still reads the text, libyaml must read the same nodes.
    func testChangedFrontMatterReadsAsLibyamlReadsIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seeds = try frontMatters(root.appendingPathComponent("Tests/Fixtures/every-kind/Content")).map { Array($0.utf8) }
        XCTAssertFalse(seeds.isEmpty)
        let pieces: [[UInt8]] = [":", " ", ": ", "\n", "\n  ", "\n- ", "-", "- ", "\"", "'", "[", "]", "{", "}", ",", "#", "&", "*", "!", "|",
                                 ">", "?", "\t", "a", "9", "é", "—", "\u{85}", "\u{FEFF}", "  ", "\n\n", "x: y\n", "  - z\n"].map { Array($0.utf8) }
        var random = XorShift(seed: 0x7E11_1500)
        var read = 0
        for round in 0..<20_000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = Int(random.next() % UInt64(bytes.count + 1))
                switch random.next() % 3 {
                case 0: bytes.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default: if at < bytes.count { bytes[at] = pieces[Int(random.next() % UInt64(pieces.count))].first! }
                }
            }
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            if assertAgrees(text) { read += 1 }
        }
        XCTAssertGreaterThan(read, 1_000, "the changes should leave many texts in the form read without libyaml")
    }

    /// The front matter of every Markdown file under `folder`, as `FrontMatterSplitter` cuts it out.
    private func frontMatters(_ folder: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let url as URL in walker where url.pathExtension == "md" {
            let file = SourceFile(path: url.path, kind: .page, id: url.deletingPathExtension().lastPathComponent, text: try String(contentsOf: url, encoding: .utf8))
            if case .success(let split) = FrontMatterSplitter.split(file) { found.append(split.yaml) }
        }
        return found
    }
}

/// xorshift64*: a seeded generator, so a failing change can be made again.
private struct XorShift {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
