import Foundation
import XCTest
@testable import TrellisKit

/// Trellis's Mustache engine: the whitespace, lookup, section and transform rules of
/// swift-mustache (which the themes were written for), escaping byte by byte, and errors with
/// the line and column of the tag at fault.
final class TemplateEngineTests: XCTestCase {
    private func render(_ text: String, _ context: [String: Any], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        try library.register(text, named: "main")
        for (name, partial) in partials { try library.register(partial, named: name) }
        return String(decoding: library.render("main", TemplateValue(converting: context)), as: UTF8.self)
    }

    private func parseError(_ text: String) -> TemplateError? {
        do {
            _ = try Template(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Standalone tags and indentation

    func testStandaloneTagLinesLeaveNothingBehind() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        XCTAssertEqual(try render(text, ["items": ["a", "b"]]), "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    func testTagsInsideALineKeepTheirWhitespace() throws {
        XCTAssertEqual(try render("a {{#yes}} b {{/yes}} c\n", ["yes": true]), "a  b  c\n")
        XCTAssertEqual(try render("  {{name}}\n", ["name": "x"]), "  x\n")
    }

    func testTheLineAfterASectionOpenedInsideALineIsReadAsItsOwn() throws {
        // The closing tag is standalone (it begins its line), so its line break goes too.
        XCTAssertEqual(try render("<p>{{#yes}}\nin\n{{/yes}}\nafter\n", ["yes": true]), "<p>\nin\nafter\n")
    }

    func testWhitespaceBeforeAStandalonePartialIsTextAndIndentation() throws {
        let output = try render("<ul>\n  {{> item}}\n</ul>\n", ["name": "N"], partials: ["item": "<li>\n{{name}}\n</li>\n"])
        XCTAssertEqual(output, "<ul>\n  <li>\n  N\n  </li>\n</ul>\n")
    }

    func testNestedPartialIndentationsAddUp() throws {
        let output = try render("  {{> a}}\n", [:], partials: ["a": "x\n  {{> b}}\n", "b": "y\nz\n"])
        XCTAssertEqual(output, "  x\n    y\n    z\n")
    }

    func testEachSectionIterationIsItsOwnRenderForIndentation() throws {
        // swift-mustache indents only after a line break in the same render's output, and each
        // list item is a new render: the second item's first line is not indented.
        let output = try render("  {{> list}}\n", ["items": ["a", "b"]], partials: ["list": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"])
        XCTAssertEqual(output, "  <li>a</li>\n<li>b</li>\n")
    }

    func testAPartialInsideALineIsNotIndented() throws {
        XCTAssertEqual(try render("<p>{{> p}}</p>\n", [:], partials: ["p": "one\ntwo"]), "<p>one\ntwo</p>\n")
    }

    func testSetDelimitersAreConsumedAtParseTime() throws {
        XCTAssertEqual(try render("{{=<% %>=}}\n<% name %> {{name}}\n", ["name": "x"]), "x {{name}}\n")
    }

    // MARK: Lookup

    func testNamesAreLookedUpOutwardsAndDotted() throws {
        let context: [String: Any] = ["title": "Outer", "item": ["name": "x", "place": ["town": "Gosport"]]]
        XCTAssertEqual(try render("{{#item}}{{title}}/{{name}}/{{place.town}}{{/item}} {{item.place.town}}", context), "Outer/x/Gosport Gosport")
    }

    func testAnEmptyStringIsFoundAndStopsTheWalk() throws {
        let context: [String: Any] = ["summary": "Page", "items": [["summary": ""], ["summary": "Own"]]]
        XCTAssertEqual(try render("{{#items}}[{{summary}}]{{^summary}}none{{/summary}}{{/items}}", context), "[]none[Own]")
    }

    func testALeadingDotLooksOnlyAtTheInnermostContext() throws {
        let context: [String: Any] = ["title": "Outer", "item": ["name": "x"]]
        XCTAssertEqual(try render("{{#item}}[{{.title}}][{{.name}}]{{/item}}", context), "[][x]")
    }

    func testDotIsTheCurrentValue() throws {
        XCTAssertEqual(try render("{{#items}}{{.}},{{/items}}", ["items": ["a", "b"]]), "a,b,")
    }

    func testADottedNameDoesNotFallBackWhenItsFirstKeyIsFound() throws {
        let context: [String: Any] = ["place": ["town": "Outer"], "item": ["place": ["street": "High St"]]]
        XCTAssertEqual(try render("{{#item}}[{{place.town}}]{{/item}}", context), "[]")
    }

    // MARK: Sections

    func testSectionsOverBooleans() throws {
        XCTAssertEqual(try render("{{#a}}A{{/a}}{{^a}}not A{{/a}}{{#b}}B{{/b}}{{^b}}not B{{/b}}", ["a": true, "b": false]), "Anot B")
    }

    func testSectionsOverNullAndAbsent() throws {
        XCTAssertEqual(try render("{{#a}}A{{/a}}{{^a}}no a{{/a}}{{#b}}B{{/b}}{{^b}}no b{{/b}}", ["a": ""]), "no ano b")
    }

    func testSectionsOverListsGiveTheirPosition() throws {
        let output = try render("{{#items}}{{index()}}:{{.}}{{#first()}}(first){{/first()}}{{^last()}}, {{/last()}}{{#odd()}}*{{/odd()}}{{/items}}", ["items": ["a", "b", "c"]])
        XCTAssertEqual(output, "0:a(first), 1:b, *2:c")
    }

    func testABooleanKeepsThePositionAndAnObjectDropsIt() throws {
        let context: [String: Any] = ["items": [["flag": true, "object": ["x": 1]]]]
        XCTAssertEqual(try render("{{#items}}{{#flag}}{{#first()}}F{{/first()}}{{/flag}}{{#object}}[{{#first()}}F{{/first()}}]{{/object}}{{/items}}", context), "F[]")
    }

    func testAnObjectIsPushed() throws {
        XCTAssertEqual(try render("{{#organisation}}{{name}}{{/organisation}}", ["organisation": ["name": "Trust"]]), "Trust")
    }

    func testAnInvertedSectionOverAnEmptyListPushesTheList() throws {
        // The position is dropped (the list is pushed), while an absent name keeps it.
        let context: [String: Any] = ["rows": [["none": [] as [Any]]]]
        XCTAssertEqual(try render("{{#rows}}[{{^none}}{{#first()}}F{{/first()}}{{/none}}][{{^absent}}{{#first()}}F{{/first()}}{{/absent}}]{{/rows}}", context), "[][F]")
        XCTAssertEqual(try render("{{^items}}none{{/items}}{{^full}}never{{/full}}", ["items": [] as [Any], "full": [1]]), "none")
    }

    func testAPartialDropsThePosition() throws {
        XCTAssertEqual(try render("{{#items}}{{> p}}{{/items}}", ["items": ["a"]], partials: ["p": "{{.}}{{#first()}}F{{/first()}}"]), "a")
    }

    func testNumbersAndBooleansRenderAsSwiftWritesThem() throws {
        XCTAssertEqual(try render("{{n}} {{yes}} {{no}} {{d}}", ["n": 3, "yes": true, "no": false, "d": 1.5]), "3 true false 1.5")
    }

    // MARK: Transforms

    func testListTransforms() throws {
        let context: [String: Any] = ["names": ["ann", "bob"], "none": [] as [Any]]
        let text = "{{count(names)}} {{first(names)}} {{last(names)}} {{#reversed(names)}}{{.}}{{/reversed(names)}} {{#empty(none)}}empty{{/empty(none)}}{{^empty(names)}} full{{/empty(names)}}"
        XCTAssertEqual(try render(text, context), "2 ann bob bobann empty full")
    }

    func testTextTransformsApplyInnermostFirst() throws {
        XCTAssertEqual(try render("{{uppercased(first(names))}} {{capitalized(phrase)}} {{lowercased(phrase)}}", ["names": ["ann"], "phrase": "hello WORLD"]), "ANN Hello World hello world")
    }

    func testIntegerAndPositionTransforms() throws {
        let text = "{{#items}}{{plusone(index())}}{{/items}} {{plusone(n)}} {{minusone(n)}} {{#even(n)}}even{{/even(n)}}{{#odd(n)}}odd{{/odd(n)}} {{#equalzero(zero)}}zero{{/equalzero(zero)}}"
        XCTAssertEqual(try render(text, ["items": ["a", "b"], "n": 3, "zero": 0]), "12 4 2 odd zero")
    }

    func testObjectTransforms() throws {
        XCTAssertEqual(try render("{{count(o)}}{{#empty(o)}} empty{{/empty(o)}}{{#empty(e)}} e empty{{/empty(e)}}", ["o": ["a": 1, "b": 2], "e": [String: Any]()]), "2 e empty")
    }

    func testATransformThatDoesNotApplyGivesNothing() throws {
        XCTAssertEqual(try render("[{{uppercased(n)}}][{{count(text)}}]{{#empty(missing)}}never{{/empty(missing)}}{{^empty(blank)}}blank{{/empty(blank)}}", ["n": 3, "text": "abc", "blank": ""]), "[][]blank")
    }

    func testFieldsAreFoundByKeyAndCompareInAnyOrder() {
        var fields: TemplateFields = ["a": .int(1), "b": .text("x"), "a": .int(2)]
        XCTAssertEqual(fields.count, 2)
        XCTAssertEqual(fields["a"], .int(2))
        fields["c"] = .bool(true)
        fields["b"] = nil
        XCTAssertNil(fields["b"])
        XCTAssertNil(fields["missing"])
        XCTAssertEqual(fields, ["c": .bool(true), "a": .int(2)])
        XCTAssertNotEqual(fields, ["c": .bool(true), "a": .int(3)])
        XCTAssertNotEqual(fields, ["c": .bool(true)])
        XCTAssertEqual(TemplateFields(converting: ["k": 1, "e": ""] as [String: Any]), ["k": .int(1), "e": .null])
    }

    func testByteBufferAppendsInsertsAndHandsOverItsBytes() {
        var buffer = ByteBuffer(capacity: 4)
        let long = Array(repeating: UInt8(ascii: "x"), count: 100)
        long.withUnsafeBufferPointer { buffer.append(bytes: $0) }
        buffer.append(Array("ab\n".utf8))
        Array("  ".utf8).withUnsafeBufferPointer { buffer.insert($0, at: 100) }
        let (count, third) = (buffer.count, buffer[102])
        let bytes = buffer.array()
        XCTAssertEqual(count, 105)
        XCTAssertEqual(third, UInt8(ascii: "a"))
        XCTAssertEqual(bytes, long + Array("  ab\n".utf8), "grown past its capacity, the insertion in its place")

        var escaped = ByteBuffer(capacity: 1)
        HTML.appendEscaped("<a href=\"x\">Tom & Jerry's</a>", to: &escaped)
        let data = escaped.data()
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        let empty = ByteBuffer(capacity: 0).data()
        XCTAssertEqual(empty, Data())
    }

    func testViewValuesBuiltDirectlyMatchConvertedOnes() {
        // What view code writes as literals and typed values is what converting a loose dictionary gives.
        let typed: TemplateFields = ["text": "a", "empty": "", "flag": true, "number": 3, "list": ["x", ""],
                                     "object": ["inner": TemplateValue("")], "rows": TemplateValue([["k": "v"] as TemplateFields]),
                                     "texts": TemplateValue(["p", ""])]
        let loose: [String: Any] = ["text": "a", "empty": "", "flag": true, "number": 3, "list": ["x", ""],
                                    "object": ["inner": ""], "rows": [["k": "v"]], "texts": ["p", ""]]
        XCTAssertEqual(typed, TemplateFields(converting: loose))

        var page: TemplateFields = ["title": "Page", "url": "a/"]
        page.merge(["url": "b/", "extra": "x"])
        XCTAssertEqual(page, ["title": "Page", "url": "b/", "extra": "x"], "merging replaces and adds")
        page.add(missingFrom: ["title": "Card", "role": "Chair"])
        XCTAssertEqual(page, ["title": "Page", "url": "b/", "extra": "x", "role": "Chair"], "adding keeps what is set")
    }

    // MARK: Escaping

    func testEscapingReplacesTheFiveCharacters() throws {
        XCTAssertEqual(try render("{{t}}|{{{t}}}|{{&t}}", ["t": "<a href=\"x\">&'"]), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;|<a href=\"x\">&'|<a href=\"x\">&'")
    }

    func testACombiningMarkCannotCarryAQuoteThroughUnescaped() throws {
        // "\u{301} is one Character with the quote in it; escaping by Character let the quote through.
        let output = try render("<a title=\"{{t}}\">", ["t": "\"\u{301} onmouseover=alert(1) <\u{301}script>"])
        XCTAssertEqual(output, "<a title=\"&quot;\u{301} onmouseover=alert(1) &lt;\u{301}script&gt;\">")
        XCTAssertFalse(output.utf8.dropFirst(10).dropLast(2).contains(UInt8(ascii: "\"")))
    }

    func testEscapingFindsEachCharacterAtEveryPlaceInLongText() throws {
        // Text is read eight bytes at a time: each of the five, and the look-alikes # = ? that the
        // quick test lets through, at every offset of a word and in the bytes after the last word.
        let entities: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        for special in "<>&\"'#=?" {
            for offset in 0..<19 {
                let text = String(repeating: "a", count: offset) + String(special) + String(repeating: "b", count: 18 - offset)
                let expected = String(repeating: "a", count: offset) + (entities[special] ?? String(special)) + String(repeating: "b", count: 18 - offset)
                XCTAssertEqual(try render("{{t}}", ["t": text]), expected, "\(special) at \(offset)")
            }
        }
        XCTAssertEqual(try render("{{t}}", ["t": "<<<<<<<<&&&&&&&&''''''''x"]), String(repeating: "&lt;", count: 8) + String(repeating: "&amp;", count: 8) + String(repeating: "&#39;", count: 8) + "x")
    }

    func testMultibyteTextIsCopiedWhole() throws {
        XCTAssertEqual(try render("{{t}}", ["t": "Café – naïve 😀 & co"]), "Café – naïve 😀 &amp; co")
    }

    func testRenderedMarkupIsInsertedAsItIsAndOtherwiseActsAsText() throws {
        let markup = TemplateValue(markup: Array("<p>Café & co</p>".utf8))
        let text = "{{{m}}}|{{&m}}|{{m}}|{{#m}}shown{{/m}}|{{#empty(none)}}empty{{/empty(none)}}{{^none}} none{{/none}}|{{uppercased(m)}}|{{#empty(m)}}never{{/empty(m)}}"
        XCTAssertEqual(try render(text, ["m": markup, "none": TemplateValue(markup: [])]),
                       "<p>Café & co</p>|<p>Café & co</p>|&lt;p&gt;Café &amp; co&lt;/p&gt;|shown| none|&lt;P&gt;CAFÉ &amp; CO&lt;/P&gt;|")
    }

    // MARK: Errors

    func testMalformedTagsAreErrorsAtTheirTag() {
        let notClosed = "the tag is not closed where expected: a name is letters, digits and . - _ ? * (transforms written as empty(items)), followed by }}"
        XCTAssertEqual(parseError("<p>\n  <b>{{name</b>\n"), TemplateError(message: notClosed, line: 2, column: 6))
        XCTAssertEqual(parseError("{{a b}}"), TemplateError(message: notClosed, line: 1, column: 1))
        XCTAssertEqual(parseError("x {{{raw}}"), TemplateError(message: "the tag opened with {{{ must end with }}}", line: 1, column: 3))
        XCTAssertEqual(parseError("{{a)}}"), TemplateError(message: "'a)' is not a name: a name is letters, digits and . - _ ? *, and a transform is written around it, as in empty(items)", line: 1, column: 1))
        XCTAssertEqual(parseError("ok\n{{! never closed"), TemplateError(message: "the comment is never closed; end it with }}", line: 2, column: 1))
        XCTAssertEqual(parseError("{{=<%%>=}}"), TemplateError(message: "the set-delimiter tag must read {{=OPEN CLOSE=}}, as in {{=<% %>=}}", line: 1, column: 1))
    }

    func testSectionErrorsNameBothEnds() {
        XCTAssertEqual(parseError("a\n {{#items}}\n"), TemplateError(message: "the section {{#items}} is never closed; end it with {{/items}}", line: 2, column: 2))
        XCTAssertEqual(parseError("{{#a}}\n{{#b}}\n{{/a}}"), TemplateError(message: "{{/a}} cannot close {{#b}} (line 2, column 1), which is still open; close it first with {{/b}}", line: 3, column: 1))
        XCTAssertEqual(parseError("{{#empty(a)}}{{/a}}"), TemplateError(message: "{{/a}} cannot close {{#empty(a)}} (line 1, column 1), which is still open; close it first with {{/empty(a)}}", line: 1, column: 14))
        XCTAssertEqual(parseError("x{{/a}}"), TemplateError(message: "{{/a}} closes a section that is not open", line: 1, column: 2))
    }

    func testUnsupportedFeaturesAreErrorsNotSilentOutput() {
        let inheritance = "Trellis's templates do not support template inheritance ({{<parent}} and {{$block}}); include shared parts with partials ({{> name}}) instead"
        XCTAssertEqual(parseError("<main>\n{{<base}}{{/base}}"), TemplateError(message: inheritance, line: 2, column: 1))
        XCTAssertEqual(parseError("  {{$title}}x{{/title}}"), TemplateError(message: inheritance, line: 1, column: 3))
        XCTAssertEqual(parseError("{{>*dynamic}}"), TemplateError(message: "Trellis's templates do not support dynamic partials ({{>*name}}); name the partial itself, or choose between partials with sections", line: 1, column: 1))
        XCTAssertEqual(parseError("{{%CONTENT_TYPE:TEXT}}"), TemplateError(message: "Trellis's templates do not support pragmas ({{%...}}); remove the tag; the output is always HTML, escaped", line: 1, column: 1))
        let transforms = TemplateTransform.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")
        XCTAssertEqual(parseError("\n\n  {{#sorted(items)}}{{/sorted(items)}}"), TemplateError(message: "there is no transform 'sorted()'; Trellis's templates know \(transforms)", line: 3, column: 3))
    }

    func testThemeErrorsCarryTheTemplatesPathAndPlace() throws {
        let site = try makeSite([
            "Themes/default/templates/page.mustache": "<h1>\n{{title}</h1>\n",
            "Themes/default/templates/contact.mustache": "<p>\n  {{> contct}}\n",
        ])
        let (theme, diagnostics) = Theme.load(site: site.root, name: "default")
        XCTAssertNil(theme)
        XCTAssertEqual(diagnostics, [
            .error(.template, "the tag is not closed where expected: a name is letters, digits and . - _ ? * (transforms written as empty(items)), followed by }}",
                   at: SourceLocation(file: "Themes/default/templates/page.mustache", line: 2, column: 1)),
            .error(.template, "no template 'contct.mustache' for the partial 'contct' (did you mean 'contact'?); add the template or correct the name",
                   at: SourceLocation(file: "Themes/default/templates/contact.mustache", line: 2, column: 3)),
        ])
    }

    func testTheDefaultThemeLoadsAndRenders() throws {
        let site = try makeSite([:])
        let (theme, diagnostics) = Theme.load(site: site.root, name: "default")
        XCTAssertEqual(diagnostics, [])
        let html = String(decoding: try XCTUnwrap(theme).renderBytes("page-heading", ["title": "A & B"]), as: UTF8.self)
        XCTAssertTrue(html.contains("A &amp; B"), html)
    }
}
