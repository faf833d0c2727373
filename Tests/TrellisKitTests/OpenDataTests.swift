import Foundation
import XCTest
@testable import TrellisKit

/// `/data/`: each file read back by a strict RFC 4180 reader or by JSONSerialization and compared
/// with the Markdown it came from; the CSVW metadata matching the CSV; the `/data/` page.
final class OpenDataTests: XCTestCase {
    // MARK: CSV fields

    /// One record of a CSV file with no rows, as the file has it.
    private func record(_ fields: [String]) -> String {
        String(decoding: CSV.document(header: fields, rows: []), as: UTF8.self)
    }

    /// One field, neutralised and quoted as the file has it.
    private func field(_ raw: String) -> String {
        String(record([raw]).dropLast())
    }

    func testFieldsAreQuotedOnlyWhenTheyMustBe() {
        XCTAssertEqual(field("plain"), "plain")
        XCTAssertEqual(field("a, b"), "\"a, b\"")
        XCTAssertEqual(field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(field("crlf\r\nhere"), "\"crlf\r\nhere\"")
        XCTAssertEqual(record(["a", "", "c"]), "a,,c\r\n")
        XCTAssertEqual(field(" caf\u{00E9} \"x\""), "\" caf\u{00E9} \"\"x\"\"\"", "quotes doubled beside letters beyond ASCII too")
        XCTAssertEqual(String(decoding: CSV.document(header: ["a", "b"], rows: [["1", "x,y"], ["", ""]]), as: UTF8.self), "a,b\r\n1,\"x,y\"\r\n,\r\n")
    }

    func testAQuoteWithACombiningMarkIsDoubledToo() {
        // `"` then U+0301 is one Character: a search by Characters does not find the quote in it.
        XCTAssertEqual(CSV.document(header: ["h"], rows: [["a \"\u{301}b"]]), Array("h\r\n\"a \"\"\u{301}b\"\r\n".utf8))
    }

    func testAFormulaIsNeutralisedButANumberIsNot() {
        XCTAssertEqual(field("=SUM(A1:A9)"), "'=SUM(A1:A9)")
        XCTAssertEqual(field("+44 1632 960000"), "'+44 1632 960000")
        XCTAssertEqual(field("@cmd"), "'@cmd")
        XCTAssertEqual(field("-1+2"), "'-1+2")
        XCTAssertEqual(field("=1,2"), "\"'=1,2\"")
        XCTAssertEqual(field("-3.5"), "-3.5")
        XCTAssertEqual(field("+2"), "+2")
        XCTAssertEqual(field("-1e3"), "-1e3")
        XCTAssertEqual(field("5.5"), "5.5")
    }

    func testJSONIsDeterministicAndSafeInsideAScript() throws {
        let value = JSONValue.object(["b": .string("</script> & <!--"), "a": .array([.number("52.0"), .null, .bool(true)])])
        XCTAssertEqual(value.compact, #"{"a":[52.0,null,true],"b":"\u003c/script\u003e \u0026 \u003c!--"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(value.compact.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["b"] as? String, "</script> & <!--")
        XCTAssertEqual(JSONValue.numberText("+5"), nil)
        XCTAssertEqual(JSONValue.number(DataPoint(period: "x", value: 0.5, written: ".5")), .number("0.5"))
        XCTAssertEqual(JSONValue.string("tab\tquote\"\u{1}").compact, #""tab\tquote\"\u0001""#)
        XCTAssertEqual(JSONValue.string("a\u{2028}b\u{2029}\u{2027}\u{2019}\u{7F}\\\r\n\u{1F}é").compact, #""a\u2028b\u2029\#u{2027}\#u{2019}\u007f\\\r\n\u001fé""#,
                       "JavaScript's line ends escaped, other characters starting E2 kept")
    }

    func testJSONObjectsKeepTheirKeysInOrder() {
        var object: JSONObject = ["b": .null, "a": .bool(true), "B": .string("x"), "é": .number("1"), "aa": .array([])]
        XCTAssertEqual(object.members.map(\.key), ["B", "a", "aa", "b", "é"], "sorted as Strings sort, whatever order they were written in")
        object["a"] = .bool(false)
        object["c"] = .string("new")
        object["b"] = nil
        object["missing"] = nil
        XCTAssertEqual(object.members.map(\.key), ["B", "a", "aa", "c", "é"])
        XCTAssertEqual(object["a"], .bool(false))
        XCTAssertNil(object["b"])
        XCTAssertEqual(object, ["é": .number("1"), "c": .string("new"), "aa": .array([]), "a": .bool(false), "B": .string("x")],
                       "objects with the same members are equal in any order written")
        XCTAssertEqual(object.filter { $0.value != .array([]) }.members.map(\.key), ["B", "a", "c", "é"])
        XCTAssertEqual(JSONValue.object(["z": .null, "a": .string("x"), "a ": .null]).compact, #"{"a":"x","a ":null,"z":null}"#)
        XCTAssertEqual(JSONObject(dictionaryLiteral: ("k", .null), ("k", .bool(true))), ["k": .bool(true)], "a key written twice keeps its last value")
    }

    // MARK: Files of a built site

    func testMeasuresCSVHasOneRowPerMeasureAndPeriod() throws {
        let site = try OpenDataFixture.build(self)
        let (header, rows) = try RFC4180.rows(try site.page("data/measures.csv"))
        XCTAssertEqual(header, ["measure", "code", "title", "unit", "polarity", "status", "period", "baseline", "actual", "target", "rating", "url"])
        let neet = rows.filter { $0["measure"] == "neet" }
        XCTAssertEqual(neet.map { $0["period"]! }, ["2007-08", "2008-09", "2009-10", "2010-11"])
        XCTAssertEqual(neet.map { $0["baseline"]! }, ["6.1", "", "", ""])
        XCTAssertEqual(neet.map { $0["actual"]! }, ["", "6.0", "5.7", "5.5"])
        XCTAssertEqual(neet.map { $0["target"]! }, ["", "5.9", "5.6", "5.3"])
        XCTAssertEqual(neet.map { $0["rating"]! }, ["", "amber", "amber", "amber"])
        XCTAssertEqual(neet[0]["title"], "16 to 18 year olds not in education, employment or training (NEET)")
        XCTAssertEqual(neet[0]["url"], "https://www.example.org/trust/measures/neet/")
        let obesity = rows.filter { $0["measure"] == "obesity" }
        XCTAssertEqual(obesity.map { $0["target"]! }, ["", "-3.5"], "a negative number is not neutralised")
        XCTAssertEqual(rows.map { $0["code"]! }.first, "NI 56", "measures in the natural order of their codes: NI 56 before NI 117")
    }

    func testTheMeasuresJSONCarriesEachSeriesAndItsStatus() throws {
        let site = try OpenDataFixture.build(self)
        let file = try XCTUnwrap(OpenDataFixture.json(site, "data/measures.json") as? [String: Any])
        XCTAssertEqual(file["licence"] as? String, "Open Government Licence v3.0")
        let measures = try XCTUnwrap(file["measures"] as? [[String: Any]])
        let neet = try XCTUnwrap(measures.first { $0["id"] as? String == "neet" })
        let actuals = try XCTUnwrap(neet["actuals"] as? [[String: Any]])
        XCTAssertEqual(actuals.map { $0["period"] as? String }, ["2008-09", "2009-10", "2010-11"])
        XCTAssertEqual(actuals.map { $0["value"] as? Double }, [6.0, 5.7, 5.5])
        XCTAssertEqual((neet["baseline"] as? [String: Any])?["value"] as? Double, 6.1)
        XCTAssertEqual(neet["rating"] as? String, "amber")
        XCTAssertEqual(neet["direction"] as? String, "improving")
        XCTAssertEqual(neet["code"] as? String, "NI 117")
        XCTAssertTrue(neet["definition"] is NSNull, "a missing field is null, so every record has the same keys")
    }

    func testPartnershipsAndContactsRoundTrip() throws {
        let site = try OpenDataFixture.build(self)
        let (_, partnerships) = try RFC4180.rows(try site.page("data/partnerships.csv"))
        XCTAssertEqual(partnerships.map { $0["id"]! }, ["board", "gosport"])
        XCTAssertEqual(partnerships[0]["members"], "Test County Council;NHS Test, \"Primary Care\"")
        XCTAssertEqual(partnerships[0]["contacts"], "chair;manager")
        XCTAssertEqual(partnerships[0]["established"], "2008-04-01")
        XCTAssertEqual(partnerships[0]["updated"], "2011-01-10")
        XCTAssertEqual(partnerships[1]["summary"], "'=HYPERLINK(\"http://evil.example\") is not a formula here")
        XCTAssertEqual(partnerships[1]["parent"], "board")
        let (_, contacts) = try RFC4180.rows(try site.page("data/contacts.csv"))
        let manager = try XCTUnwrap(contacts.first { $0["id"] == "manager" })
        XCTAssertEqual(manager["role"], "'@Partnerships, south")
        XCTAssertEqual(manager["address"], "1 Example Street\nTestville")
        XCTAssertEqual(manager["contact_for"], "board;gosport")
        XCTAssertEqual(contacts.first { $0["id"] == "chair" }?["telephone"], "'+44 1632 960000")
        let json = try XCTUnwrap(OpenDataFixture.json(site, "data/partnerships.json") as? [String: Any])
        let board = try XCTUnwrap((json["partnerships"] as? [[String: Any]])?.first)
        let members = try XCTUnwrap(board["members"] as? [[String: Any]])
        XCTAssertEqual(members.first?["role"] as? String, "lead")
        XCTAssertEqual(members.last?["name"] as? String, "NHS Test, \"Primary Care\"")
        XCTAssertEqual(board["priorities"] as? [String], ["cyp-1"])
    }

    func testPrioritiesAndConsultations() throws {
        let site = try OpenDataFixture.build(self)
        let (_, priorities) = try RFC4180.rows(try site.page("data/priorities.csv"))
        XCTAssertEqual(priorities.map { $0["id"]! }, ["cyp-1", "lcp-neet"])
        XCTAssertEqual(priorities[1]["parent"], "cyp-1")
        XCTAssertEqual(priorities[1]["measures"], "neet;obesity")
        XCTAssertEqual(priorities[0]["partnerships"], "board")
        let (_, consultations) = try RFC4180.rows(try site.page("data/consultations.csv"))
        XCTAssertEqual(consultations.count, 1)
        let plan = consultations[0]
        XCTAssertEqual(plan["document"], "plans/cypp")
        XCTAssertEqual(plan["state"], "open", "built on 20 January 2011")
        XCTAssertEqual(plan["opens"], "2010-11-15T00:00:00+00:00")
        XCTAssertEqual(plan["closes"], "2011-01-31T23:59:00+00:00")
        XCTAssertEqual(plan["days_left"], "11")
        XCTAssertEqual(plan["respond_email"], "cypp@example.org")
        let json = try XCTUnwrap(OpenDataFixture.json(site, "data/consultations.json") as? [String: Any])
        XCTAssertEqual(json["now"] as? String, "2011-01-20T12:00:00+00:00", "the JSON is ConsultationOutputs', with the build's now")
        XCTAssertEqual((json["consultations"] as? [[String: Any]])?.first?["state"] as? String, "open")
    }

    func testEachCSVHasMetadataDescribingItsColumns() throws {
        let site = try OpenDataFixture.build(self)
        for name in Dataset.catalogue.map(\.name) {
            let (header, _) = try RFC4180.rows(try site.page("data/\(name).csv"))
            let metadata = try XCTUnwrap(OpenDataFixture.json(site, "data/\(name).csv-metadata.json") as? [String: Any])
            XCTAssertEqual(metadata["url"] as? String, "\(name).csv")
            XCTAssertEqual(metadata["@context"] as? String, "http://www.w3.org/ns/csvw")
            let columns = try XCTUnwrap((metadata["tableSchema"] as? [String: Any])?["columns"] as? [[String: Any]])
            XCTAssertEqual(columns.map { $0["titles"] as? String }, header, name)
            XCTAssertTrue(columns.allSatisfy { ($0["dc:description"] as? String)?.isEmpty == false }, name)
            XCTAssertEqual((metadata["dc:license"] as? [String: Any])?["@id"] as? String,
                           "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
        }
    }

    func testTheDataPageListsEveryFileWithItsSizeAndLicence() throws {
        let site = try OpenDataFixture.build(self)
        let page = try site.page("data/")
        for name in Dataset.catalogue.map(\.name) {
            for file in ["\(name).csv", "\(name).json", "\(name).csv-metadata.json"] {
                XCTAssertTrue(page.contains("href=\"\(file)\""), file)
                let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("data/" + file).path)[.size] as? Int)
                XCTAssertTrue(page.contains(">\(OpenDataFiles.size(size))<"), "\(file) is \(size) bytes")
            }
        }
        XCTAssertTrue(page.contains("Open Government Licence v3.0</a>"))
        XCTAssertEqual(OpenDataFiles.size(812), "812 bytes")
        XCTAssertEqual(OpenDataFiles.size(12_634), "12.3 KB")
        XCTAssertEqual(OpenDataFiles.size(3 * 1024 * 1024), "3.0 MB")
    }

    func testPagesLinkToTheDataBehindThem() throws {
        let site = try OpenDataFixture.build(self)
        let measure = try site.page("measures/neet/")
        XCTAssertTrue(measure.contains("href=\"../../data/measures.csv\""))
        XCTAssertTrue(measure.contains("href=\"../../data/measures.json\""))
        let partnership = try site.page("partnerships/board/")
        for name in ["partnerships", "contacts", "priorities", "measures"] {
            XCTAssertTrue(partnership.contains("href=\"../../data/\(name).csv\""), name)
        }
        XCTAssertTrue(try site.page("plans/cypp/").contains("href=\"../../data/consultations.csv\""), "a document under consultation")
        XCTAssertFalse(try site.page("about/").contains("Data behind this page"))
    }

    func testTheSameInputGivesTheSameBytes() throws {
        let site = try OpenDataFixture.build(self)
        let first = site.snapshot().filter { $0.key.hasPrefix("data/") || $0.key.hasPrefix("search/") || $0.key == "feed.atom" }
        let again = site.root.appendingPathComponent("Again")
        let result = site.build(output: again)
        XCTAssertFalse(result.failed)
        let second = site.snapshot(of: again).filter { first.keys.contains($0.key) }
        XCTAssertEqual(first.count, second.count)
        for (path, data) in first { XCTAssertEqual(second[path], data, path) }
    }
}
