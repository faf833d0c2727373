import XCTest
@testable import TrellisKit

/// Reading `Content/` from disk: which files are documents, the id rules, and text decoding.
final class ContentLoaderTests: XCTestCase {
    private let page = "---\ntitle: A page\n---\n"

    func testReadsEachKindsFolderSortedByPathAndListsAssets() throws {
        let site = try makeSite([
            "Content/partnerships/havant.md": page, "Content/partnerships/gosport.md": page,
            "Content/pages/about.md": page, "Content/contacts/chair.md": "---\nname: Chair\n---\n",
            "Content/assets/maps/hampshire.svg": "<svg/>", "Content/assets/logo.png": "png",
            "Content/assets/.DS_Store": "x", "Content/partnerships/.gosport.md.swp": "x", "Content/partnerships/gosport.md~": "x",
        ])
        let loaded = ContentLoader.load(site: site.root)
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.files.map(\.path), ["Content/contacts/chair.md", "Content/pages/about.md", "Content/partnerships/gosport.md", "Content/partnerships/havant.md"])
        XCTAssertEqual(loaded.files.map(\.id), ["chair", "about", "gosport", "havant"])
        XCTAssertEqual(loaded.files.map(\.kind), [.contact, .page, .partnership, .partnership])
        XCTAssertEqual(loaded.assets, ["logo.png", "maps/hampshire.svg"])
        XCTAssertEqual(loaded.siteSettings, TestSite.settings)
    }

    func testAnIdWithCapitalsIsRefusedWithTheNameToUse() throws {
        let site = try makeSite(["Content/partnerships/Gosport.md": page])
        XCTAssertEqual(ContentLoader.load(site: site.root).diagnostics, [
            .error(.badFileName, "'Gosport' is not a valid id: ids are lower-case letters, digits and single hyphens; rename the file to gosport.md",
                   at: SourceLocation(file: "Content/partnerships/Gosport.md")),
        ])
    }

    func testAnIdWithUnderscoresOrSpacesIsRefusedWithTheNameToUse() throws {
        let site = try makeSite(["Content/partnerships/gosport_lcp.md": page, "Content/pages/Annual Report 2011.md": page, "Content/pages/a--b.md": page])
        XCTAssertEqual(ContentLoader.load(site: site.root).diagnostics, [
            .error(.badFileName, "'Annual Report 2011' is not a valid id: ids are lower-case letters, digits and single hyphens; rename the file to annual-report-2011.md",
                   at: SourceLocation(file: "Content/pages/Annual Report 2011.md")),
            .error(.badFileName, "'a--b' is not a valid id: ids are lower-case letters, digits and single hyphens; rename the file to a-b.md",
                   at: SourceLocation(file: "Content/pages/a--b.md")),
            .error(.badFileName, "'gosport_lcp' is not a valid id: ids are lower-case letters, digits and single hyphens; rename the file to gosport-lcp.md",
                   at: SourceLocation(file: "Content/partnerships/gosport_lcp.md")),
        ].sortedForReport())
    }

    func testAPageCannotTakeTheAddressOfAGeneratedSection() throws {
        let site = try makeSite(["Content/pages/partnerships.md": page, "Content/pages/priorities.md": page, "Content/pages/search.md": page, "Content/pages/about.md": page])
        XCTAssertEqual(ContentLoader.load(site: site.root).diagnostics.sortedForReport(), [
            .error(.duplicateID, "a page with id 'partnerships' would have the address /partnerships/, which is the partnerships index; rename the file",
                   at: SourceLocation(file: "Content/pages/partnerships.md")),
            .error(.duplicateID, "a page with id 'priorities' would have the address /priorities/, which is the priorities index; rename the file",
                   at: SourceLocation(file: "Content/pages/priorities.md")),
            .error(.duplicateID, "a page with id 'search' would have the address /search/, which is the search page and its index; rename the file",
                   at: SourceLocation(file: "Content/pages/search.md")),
        ])
    }

    func testAFileThatIsNotUTF8IsReportedWithLineAndColumn() throws {
        let site = try makeSite([:])
        try site.write("Content/partnerships/gosport.md", bytes: Array("---\ntitle: Gosport\nsummary: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        XCTAssertEqual(ContentLoader.load(site: site.root).diagnostics, [
            .error(.notUTF8, "the file is not UTF-8 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                   at: SourceLocation(file: "Content/partnerships/gosport.md", line: 3, column: 13)),
        ])
    }

    func testANulByteIsReported() throws {
        let site = try makeSite([:])
        try site.write("Content/pages/about.md", bytes: Array("---\ntitle: About\n---\n".utf8) + [0])
        XCTAssertEqual(ContentLoader.load(site: site.root).diagnostics, [
            .error(.notUTF8, "the file holds a NUL byte, so it is not a text file; remove it (or re-save the file as UTF-8 text)",
                   at: SourceLocation(file: "Content/pages/about.md", line: 4, column: 1)),
        ])
    }

    func testCRLFFilesAreReadWithLFAndWithoutABOM() throws {
        let site = try makeSite([:])
        try site.write("Content/pages/about.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: About\r\n---\r\nText\r\n".utf8))
        let loaded = ContentLoader.load(site: site.root)
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.files.map(\.text), ["---\ntitle: About\n---\nText\n"])
    }

    func testStrayFilesAndFoldersAreWarningsNamingWhereThingsGo() throws {
        let site = try makeSite(["Content/partnership/gosport.md": page, "Content/partnerships/notes.txt": "x"])
        XCTAssertEqual(ContentLoader.load(site: site.root).diagnostics, [
            .warning(.unexpectedFile, "Content/partnership is not part of a site and is left out (did you mean 'partnerships'?); the folders are partnerships, plans, frameworks, measures, contacts, pages, assets, site.yml",
                     at: SourceLocation(file: "Content/partnership")),
            .warning(.unexpectedFile, "Content/partnerships/notes.txt is not a Markdown file and is left out; documents end in .md, and images and files belong in Content/assets/",
                     at: SourceLocation(file: "Content/partnerships/notes.txt")),
        ])
    }

    func testAMissingSiteFileAndAMissingContentFolderAreErrors() throws {
        let site = try makeSite(["Content/pages/about.md": page], settings: false)
        XCTAssertEqual(ContentLoader.load(site: site.root).diagnostics, [
            .error(.missingSiteFile, "Content/site.yml is missing; every site needs one (trellis init DIR writes an example)", at: SourceLocation(file: "Content/site.yml")),
        ])
        let empty = try makeSite([:], settings: false)
        XCTAssertEqual(ContentLoader.load(site: empty.root).diagnostics, [
            .error(.missingSiteFile, "no Content/ folder in \(empty.root.path); run trellis in the folder that holds Content/, or pass --site DIR (trellis init DIR makes a new site)", at: nil),
        ])
    }

    func testValidIDsAreRunsOfLowerCaseLettersAndDigitsJoinedBySingleHyphens() {
        let pattern = #/^[a-z0-9]+(?:-[a-z0-9]+)*$/#
        for id in ["gosport", "ni-117", "a", "0", "cypp-2009-12", "", "-a", "a-", "a--b", "Gosport", "ni_117", "café", "a b", "a.md", "-", "--", "a1-b2-c3", "x", "a/b", "ａ", "a\u{0301}", "a\n"] {
            XCTAssertEqual(ContentLoader.isValidID(id), id.wholeMatch(of: pattern) != nil, id)
        }
    }

    func testSlugMakesAValidIdFromAnyName() {
        XCTAssertEqual(ContentLoader.slug("Gosport LCP"), "gosport-lcp")
        XCTAssertEqual(ContentLoader.slug("gosport_lcp"), "gosport-lcp")
        XCTAssertEqual(ContentLoader.slug("--Café  au lait--"), "caf-au-lait")
        for name in ["Gosport LCP", "a__b", "NI 117"] {
            XCTAssertTrue(ContentLoader.isValidID(ContentLoader.slug(name)), name)
        }
    }
}
