import XCTest
@testable import TrellisKit

/// Cutting a file into front matter and body, and the text decoding that comes before it.
final class FrontMatterSplitterTests: XCTestCase {
    private func split(_ text: String, path: String = "partnerships/gosport.md") -> Result<SplitFile, Diagnostic> {
        FrontMatterSplitter.split(Fixture.file(path, text))
    }

    private func problem(_ text: String, path: String = "partnerships/gosport.md") -> Diagnostic? {
        guard case .failure(let diagnostic) = split(text, path: path) else { return nil }
        return diagnostic
    }

    func testSplitsFrontMatterFromTheBodyAndCountsTheLinesBeforeIt() throws {
        let split = try split("---\ntitle: Gosport\nsummary: A partnership.\n---\n# Aims\n\nText.\n").get()
        XCTAssertEqual(split.yaml, "title: Gosport\nsummary: A partnership.")
        XCTAssertEqual(split.yamlFirstLine, 2)
        XCTAssertEqual(split.body, "# Aims\n\nText.\n")
        XCTAssertEqual(split.bodyLineOffset, 4)
    }

    func testAnEmptyBodyIsAllowed() throws {
        let split = try split("---\ntitle: Gosport\n---").get()
        XCTAssertEqual(split.body, "")
        XCTAssertEqual(split.yaml, "title: Gosport")
    }

    func testAMissingOpeningLineIsAnErrorAtLineOneWithTheTopOfAFileToWrite() {
        XCTAssertEqual(
            problem("title: Gosport\n---\nBody\n"),
            (.error(.missingFrontMatter, "the file must start with front matter: a line '---', the settings, then another '---'",
                            at: Fixture.at("partnerships/gosport.md", 1, 1), suggestion: "---\ntitle: ...\nsummary: ...\n---")))
    }

    func testAContactsExampleUsesName() {
        XCTAssertEqual(
            problem("name: Partnership Manager\n", path: "contacts/manager.md"),
            (.error(.missingFrontMatter, "the file must start with front matter: a line '---', the settings, then another '---'",
                            at: Fixture.at("contacts/manager.md", 1, 1), suggestion: "---\nname: ...\nsummary: ...\n---")))
    }

    func testUnclosedFrontMatterIsAnError() {
        XCTAssertEqual(
            problem("---\ntitle: Gosport\n\n# Aims\n"),
            (.error(.missingFrontMatter, "the front matter that starts on line 1 is never closed; add a line '---' after the last setting",
                            at: Fixture.at("partnerships/gosport.md", 1, 1), suggestion: "---\ntitle: ...\nsummary: ...\n---")))
    }

    func testFenceLinesMayCarryTrailingSpaces() throws {
        let split = try split("---  \ntitle: Gosport\n--- \nBody\n").get()
        XCTAssertEqual(split.yaml, "title: Gosport")
        XCTAssertEqual(split.body, "Body\n")
        XCTAssertEqual(split.bodyLineOffset, 3)
    }

    func testAThematicBreakInTheBodyIsNotTheEndOfTheFrontMatter() throws {
        let split = try split("---\ntitle: Gosport\n---\nOne\n\n---\n\nTwo\n").get()
        XCTAssertEqual(split.body, "One\n\n---\n\nTwo\n")
    }

    // MARK: Decoding bytes

    func testCRLFLineEndingsBecomeLFSoLinesCountTheSame() throws {
        let text = try TextDecoding.decode(Array("---\r\ntitle: Gosport\r\nprioritys: [a]\r\n---\r\nBody\r\n".utf8), path: "Content/partnerships/gosport.md").get()
        XCTAssertEqual(text, "---\ntitle: Gosport\nprioritys: [a]\n---\nBody\n")
        let (_, diagnostics) = DocumentDecoder.decode(SourceFile(path: "Content/partnerships/gosport.md", kind: .partnership, id: "gosport", text: text), clock: Fixture.clock)
        XCTAssertEqual(diagnostics, [
            .warning(.unknownKey, "unknown key 'prioritys' in a partnership (did you mean 'priorities'?)", at: Fixture.at("partnerships/gosport.md", 3, 1)),
        ])
    }

    func testOldMacCRLineEndingsAreLinesToo() throws {
        let text = try TextDecoding.decode(Array("---\rtitle: Gosport\r---\rBody".utf8), path: "Content/pages/a.md").get()
        XCTAssertEqual(text, "---\ntitle: Gosport\n---\nBody")
    }

    func testAByteOrderMarkIsDropped() throws {
        let text = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("---\ntitle: Gosport\n---\n".utf8), path: "Content/pages/a.md").get()
        XCTAssertEqual(text, "---\ntitle: Gosport\n---\n")
        XCTAssertNoThrow(try FrontMatterSplitter.split(Fixture.file("pages/a.md", text)).get())
    }

    func testBytesThatAreNotUTF8AreReportedAtTheirLineAndColumn() {
        // "title: Café" saved as Latin-1: the é is the byte 0xE9, the eleventh character of line 2.
        let bytes = Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8)
        XCTAssertEqual(
            TextDecoding.decode(bytes, path: "Content/pages/cafe.md"),
            .failure(.error(.notUTF8, "the file is not UTF-8 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                            at: Fixture.at("pages/cafe.md", 2, 11))))
    }

    func testColumnsCountCharactersNotBytesBeforeABadByte() {
        // "é" is two bytes in UTF-8 but one column; the bad byte is the fourth character.
        let bytes = Array("---\ntitle: x\n---\néé".utf8) + [0xFF]
        XCTAssertEqual(
            TextDecoding.decode(bytes, path: "Content/pages/a.md"),
            .failure(.error(.notUTF8, "the file is not UTF-8 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                            at: Fixture.at("pages/a.md", 4, 3))))
    }

    func testATruncatedSequenceAtTheEndIsNotUTF8() {
        let bytes = Array("---\ntitle: x\n---\nab".utf8) + [0xE2, 0x80]
        XCTAssertEqual(
            TextDecoding.decode(bytes, path: "Content/pages/a.md"),
            .failure(.error(.notUTF8, "the file is not UTF-8 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                            at: Fixture.at("pages/a.md", 4, 3))))
    }

    func testANulByteIsReportedAtItsPlace() {
        let bytes = Array("---\ntitle: Gosport\n---\nBo".utf8) + [0] + Array("dy\n".utf8)
        XCTAssertEqual(
            TextDecoding.decode(bytes, path: "Content/partnerships/gosport.md"),
            .failure(.error(.notUTF8, "the file holds a NUL byte, so it is not a text file; remove it (or re-save the file as UTF-8 text)",
                            at: Fixture.at("partnerships/gosport.md", 4, 3))))
    }

    func testUTF16SavedByAWindowsEditorIsNamedAsSuch() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("---".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(
            TextDecoding.decode(bytes, path: "Content/pages/a.md"),
            .failure(.error(.notUTF8, "the file is UTF-16 text, not UTF-8; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                            at: Fixture.at("pages/a.md", 1, 1))))
    }
}
