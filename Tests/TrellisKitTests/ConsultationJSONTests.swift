import XCTest
@testable import TrellisKit

/// The JSON writer behind `data/consultations.json` and the other data files: sorted keys,
/// fixed layout, RFC 8259 escapes, and `<`, `>`, `&` escaped so JSON can sit in a script block.
final class ConsultationJSONTests: XCTestCase {
    func testKeysAreSortedAndTheLayoutIsFixed() {
        let value = JSONValue.object([
            "b": .array([.number("1"), .bool(true), .null]), "a": .string("x"), "c": .object([:]), "B": .array([]),
        ])
        XCTAssertEqual(value.pretty, "{\n  \"B\": [],\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    true,\n    null\n  ],\n  \"c\": {}\n}\n")
    }

    func testStringsAreEscaped() {
        XCTAssertEqual(JSONValue.string("say \"hi\"\\ \n\t\r\u{1}\u{7F} é 👨‍👩‍👧 \u{2028} </script>").compact,
                       #""say \"hi\"\\ \n\t\r\u0001\u007f é 👨‍👩‍👧 \u2028 \u003c/script\u003e""#)
        XCTAssertEqual(JSONValue.text(nil), .null)
        XCTAssertEqual(JSONValue.text("a"), .string("a"))
    }
}
