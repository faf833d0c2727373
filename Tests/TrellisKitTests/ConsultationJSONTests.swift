import XCTest
@testable import TrellisKit

/// The JSON writer behind `data/consultations.json`: sorted keys, fixed layout, RFC 8259 escapes.
final class ConsultationJSONTests: XCTestCase {
    func testKeysAreSortedAndTheLayoutIsFixed() {
        let value = ConsultationJSON.object([
            "b": .array([.int(1), .bool(true), .null]), "a": .string("x"), "c": .object([:]), "B": .array([]),
        ])
        XCTAssertEqual(value.document, "{\n  \"B\": [],\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    true,\n    null\n  ],\n  \"c\": {}\n}\n")
    }

    func testStringsAreEscaped() {
        XCTAssertEqual(ConsultationJSON.quoted("say \"hi\"\\ \n\t\r\u{1}\u{7F} é 👨‍👩‍👧 \u{2028}"),
                       #""say \"hi\"\\ \n\t\r\u0001\u007f é 👨‍👩‍👧 \u2028""#)
        XCTAssertEqual(ConsultationJSON.optional(nil), .null)
        XCTAssertEqual(ConsultationJSON.optional("a"), .string("a"))
    }
}
