import XCTest
@testable import TrellisKit

/// Front matter read into documents: required keys, unknown keys, types, dates and statuses,
/// each problem at the line and column of the key or value in the file.
final class DocumentDecoderTests: XCTestCase {
    private let gosport = "partnerships/gosport.md"

    private func diagnostics(_ path: String, _ text: String) -> [Diagnostic] {
        Fixture.decode(path, text).1
    }

    func testAPartnershipIsReadWithEveryField() throws {
        let document = Fixture.document(gosport, """
        ---
        title: Gosport Local Children's Partnership
        summary: Partners in Gosport.
        type: local-childrens-partnership
        area: Gosport
        parent: trust-board
        status: established
        established: 2009-04-01
        chair: gosport-chair
        contacts: [manager, gosport-chair]
        members:
          - { name: Gosport Borough Council, sector: local-government, role: Lead }
          - Gosport schools
        meets: quarterly
        priorities: [cyp-1, lcp-poverty]
        measures: ni-117
        documents: [plans/cypp]
        risks:
          - { title: Funding ends, mitigation: Seek grants }
        ---
        Body
        """)
        XCTAssertEqual(document.title, "Gosport Local Children's Partnership")
        XCTAssertEqual(document.summary, "Partners in Gosport.")
        XCTAssertEqual(document.status, Located("established", at: Fixture.at(gosport, 7, 9)))
        XCTAssertEqual(document.body, "Body")
        XCTAssertEqual(document.bodyLineOffset, 20)
        guard case .partnership(let partnership) = document.details else { return XCTFail("not a partnership") }
        XCTAssertEqual(partnership.parent, Located("trust-board", at: Fixture.at(gosport, 6, 9)))
        XCTAssertEqual(partnership.contacts, [Located("manager", at: Fixture.at(gosport, 10, 12)), Located("gosport-chair", at: Fixture.at(gosport, 10, 21))])
        XCTAssertEqual(partnership.members, [Member(name: "Gosport Borough Council", sector: "local-government", role: "Lead"), Member(name: "Gosport schools")])
        XCTAssertEqual(partnership.measures, [Located("ni-117", at: Fixture.at(gosport, 16, 11))])
        XCTAssertEqual(partnership.risks, [Risk(title: "Funding ends", mitigation: "Seek grants")])
        XCTAssertEqual(partnership.established?.value, WrittenTime.parse("2009-04-01"))
    }

    func testAPlanReadsItsPrioritiesWithTheirPlaces() throws {
        let document = Fixture.document("plans/cypp.md", """
        ---
        title: Children and Young People's Plan
        period: { from: 2009-04-01, to: 2012-03-31 }
        priorities:
          - id: cyp-1
            label: CYP priority 1
            title: Reducing poverty
            measures: [workless]
          - id: lcp-poverty
            parent: cyp-1
            title: Fewer children in poverty
        ---
        """)
        guard case .plan(let plan) = document.details else { return XCTFail("not a plan") }
        XCTAssertEqual(plan.priorities, [
            Priority(id: Located("cyp-1", at: Fixture.at("plans/cypp.md", 5, 9)), label: "CYP priority 1", title: "Reducing poverty", parent: nil,
                     measures: [Located("workless", at: Fixture.at("plans/cypp.md", 8, 16))], plan: "cypp"),
            Priority(id: Located("lcp-poverty", at: Fixture.at("plans/cypp.md", 9, 9)), label: nil, title: "Fewer children in poverty",
                     parent: Located("cyp-1", at: Fixture.at("plans/cypp.md", 10, 13)), measures: [], plan: "cypp"),
        ])
        XCTAssertEqual(plan.periodFrom?.value, WrittenTime.parse("2009-04-01"))
        XCTAssertEqual(plan.periodTo?.value, WrittenTime.parse("2012-03-31"))
    }

    // MARK: Required keys

    func testAMissingTitleIsAnErrorAndTheDocumentIsLeftOut() {
        let (document, diagnostics) = Fixture.decode(gosport, "---\nsummary: Partners in Gosport.\n---\n")
        XCTAssertNil(document)
        XCTAssertEqual(diagnostics, [
            .error(.missingKey, "missing 'title': add a line 'title: ...' with the document's title", at: Fixture.at(gosport, 2, 1)),
        ])
    }

    func testAContactNeedsANameNotATitle() {
        XCTAssertEqual(diagnostics("contacts/manager.md", "---\ntitle: Partnership Manager\n---\n"), [
            .error(.missingKey, "missing 'name': add a line 'name: ...' with the person's or role's name", at: Fixture.at("contacts/manager.md", 2, 1)),
            .warning(.unknownKey, "unknown key 'title' in a contact; the keys in a contact are name, summary, status, draft, updated, consultation, role, organisation, email, telephone, address", at: Fixture.at("contacts/manager.md", 2, 1)),
        ])
    }

    func testAnEmptyTitleIsAnError() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: \"\"\n---\n"), [
            .error(.missingKey, "'title' is empty; write the title after 'title: '", at: Fixture.at(gosport, 2, 8)),
        ])
    }

    func testAPriorityNeedsAnIdAndATitle() {
        XCTAssertEqual(diagnostics("plans/cypp.md", "---\ntitle: Plan\npriorities:\n  - title: Reducing poverty\n  - id: cyp-2\n---\n"), [
            .error(.missingKey, "missing 'id': add a line 'id: ...' with the priority's id, like cyp-1", at: Fixture.at("plans/cypp.md", 4, 5)),
            .error(.missingKey, "missing 'title': add a line 'title: ...' with the priority's title", at: Fixture.at("plans/cypp.md", 5, 5)),
        ])
    }

    // MARK: Unknown keys

    func testAnUnknownKeyIsAWarningNamingTheNearestKnownKey() {
        let (document, diagnostics) = Fixture.decode(gosport, "---\ntitle: Gosport\nprioritys: [cyp-1]\n---\n")
        XCTAssertNotNil(document)
        XCTAssertEqual(diagnostics, [
            .warning(.unknownKey, "unknown key 'prioritys' in a partnership (did you mean 'priorities'?)", at: Fixture.at(gosport, 3, 1)),
        ])
    }

    func testAnUnknownKeyWithNothingNearListsTheKeys() {
        XCTAssertEqual(diagnostics("contacts/a.md", "---\nname: A\nfavourite_colour: blue\n---\n"), [
            .warning(.unknownKey, "unknown key 'favourite_colour' in a contact; the keys in a contact are name, summary, status, draft, updated, consultation, role, organisation, email, telephone, address",
                     at: Fixture.at("contacts/a.md", 3, 1)),
        ])
    }

    func testUnknownKeysInsideNestedSettingsAreFoundToo() {
        XCTAssertEqual(diagnostics("plans/cypp.md", "---\ntitle: Plan\npriorities:\n  - id: cyp-1\n    title: Poverty\n    mesures: [a]\n---\n"), [
            .warning(.unknownKey, "unknown key 'mesures' in a priority (did you mean 'measures'?)", at: Fixture.at("plans/cypp.md", 6, 5)),
        ])
    }

    // MARK: Types

    func testAGroupWhereAListOfIdsBelongsIsAWrongType() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\npriorities:\n  cyp-1: yes\n---\n"), [
            .error(.wrongType, "'priorities' must be a list of ids like [gosport, havant], not a group of settings", at: Fixture.at(gosport, 4, 3)),
        ])
    }

    func testAListWhereTextBelongsIsAWrongType() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: [Gosport, Havant]\n---\n"), [
            .error(.wrongType, "'title' must be the document's title, not a list", at: Fixture.at(gosport, 2, 8)),
        ])
    }

    func testDraftMustBeTrueOrFalse() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\ndraft: maybe\n---\n"), [
            .error(.wrongType, "'draft' must be true or false, not 'maybe'", at: Fixture.at(gosport, 3, 8)),
        ])
    }

    func testMembersMustBeAList() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nmembers: Gosport Borough Council\n---\n"), [
            .error(.wrongType, "'members' must be a list of organisations, written one per line starting with '- '", at: Fixture.at(gosport, 3, 10)),
        ])
    }

    func testAMeasureValueMustBeANumber() {
        XCTAssertEqual(diagnostics("measures/neet.md", "---\ntitle: NEET\nactuals:\n  - { period: 2009-10, value: 6.1% }\n---\n"), [
            .error(.wrongType, "'value' must be a number like 52.3 (write the unit in 'unit:'), not '6.1%'", at: Fixture.at("measures/neet.md", 4, 31)),
        ])
    }

    // MARK: Dates

    func testANonexistentDateIsAnError() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nestablished: 2011-02-30\n---\n"), [
            .error(.invalidDate, "'2011-02-30' is not a date for 'established'; write a date as 2011-01-31", at: Fixture.at(gosport, 3, 14)),
        ])
    }

    func testADateWrittenTheBritishWayIsAnError() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nupdated: 31/01/2011\n---\n"), [
            .error(.invalidDate, "'31/01/2011' is not a date for 'updated'; write a date as 2011-01-31, or a date and time as 2011-01-31T14:00", at: Fixture.at(gosport, 3, 10)),
        ])
    }

    func testADateOnlyKeyRefusesATime() {
        XCTAssertEqual(diagnostics("frameworks/pmf.md", "---\ntitle: PMF\nadopted: 2011-01-31T14:00\n---\n"), [
            .error(.invalidDate, "'2011-01-31T14:00' is not a date for 'adopted'; write a date as 2011-01-31", at: Fixture.at("frameworks/pmf.md", 3, 10)),
        ])
    }

    func testAnInvalidDateInAConsultationUsesTheSameWords() {
        let text = "---\ntitle: Family support\nconsultation:\n  opens: 2010-11-15\n  closes: 2011-02-30\n---\n"
        XCTAssertEqual(diagnostics("frameworks/family.md", text), [
            WrittenTime.invalidDiagnostic("2011-02-30", key: "closes", at: Fixture.at("frameworks/family.md", 5, 11)),
        ])
    }

    // MARK: Statuses

    func testAnInvalidStatusNamesTheNearestAndTheChoices() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nstatus: establshed\n---\n"), [
            .error(.invalidValue, "'establshed' is not a valid status (did you mean 'established'?); write one of proposed, established, merged, closed", at: Fixture.at(gosport, 3, 9)),
        ])
    }

    func testEachKindHasItsOwnStatuses() {
        XCTAssertEqual(diagnostics("measures/neet.md", "---\ntitle: NEET\nstatus: adopted\n---\n"), [
            .error(.invalidValue, "'adopted' is not a valid status; write one of current, retired", at: Fixture.at("measures/neet.md", 3, 9)),
        ])
        XCTAssertEqual(diagnostics("plans/cypp.md", "---\ntitle: Plan\nstatus: adopted\n---\n"), [])
    }

    func testAPolarityIsOneOfTwoWords() {
        XCTAssertEqual(diagnostics("measures/neet.md", "---\ntitle: NEET\npolarity: lower-is-beter\n---\n"), [
            .error(.invalidValue, "'lower-is-beter' is not a valid polarity (did you mean 'lower-is-better'?); write one of higher-is-better, lower-is-better", at: Fixture.at("measures/neet.md", 3, 11)),
        ])
    }

    // MARK: Priority ids

    func testAPriorityIdMustFollowTheIdRules() {
        XCTAssertEqual(diagnostics("plans/cypp.md", "---\ntitle: Plan\npriorities:\n  - id: CYP 1\n    title: Poverty\n---\n"), [
            .error(.badFileName, "'CYP 1' is not a valid id: ids are lower-case letters, digits and single hyphens; write cyp-1", at: Fixture.at("plans/cypp.md", 4, 9)),
        ])
    }

    // MARK: YAML

    func testMalformedYAMLIsReportedAtLibyamlsPlaceInTheFile() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nsummary: Aims: 2011\n---\n"), [
            .error(.malformedYAML, "the front matter is not valid YAML: mapping values are not allowed in this context; a value that contains ': ' must be in quotes, like title: \"Aims: 2011\"",
                   at: Fixture.at(gosport, 3, 14)),
        ])
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: \"Gosport\nsummary: x\n---\n"), [
            .error(.malformedYAML, "the front matter is not valid YAML: found unexpected end of stream; a quote or bracket that opens here is never closed", at: Fixture.at(gosport, 2, 8)),
        ])
    }

    func testAKeyWrittenTwiceIsAnError() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nsummary: One\nsummary: Two\n---\n"), [
            .error(.malformedYAML, "the key 'summary' is written twice; keep one", at: Fixture.at(gosport, 3, 1)),
        ])
    }

    func testKeysWrittenTwiceAreNamedInOrderAtTheFirstOnesFirstPlace() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nzone: A\narea: B\n\"zone\": C\narea: D\n---\n"), [
            .error(.malformedYAML, "the key 'area', 'zone' is written twice; keep one", at: Fixture.at(gosport, 4, 1)),
        ])
    }

    func testKeysWrittenTwiceInALargeMappingAreFoundToo() {
        let keys = (1...40).map { "key\($0): \($0)" }.joined(separator: "\n")
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\n\(keys)\nkey7: again\nkey30: again\n---\n"), [
            .error(.malformedYAML, "the key 'key30', 'key7' is written twice; keep one", at: Fixture.at(gosport, 32, 1)),
        ])
    }

    func testASecondYAMLDocumentIsAnError() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\n--- summary: x\n---\n"), [
            .error(.malformedYAML, "a line starting with '---' here starts a second YAML document inside the front matter; end the front matter with a line of just '---'",
                   at: Fixture.at(gosport, 3, 1)),
        ])
    }

    func testAControlCharacterIsNamedAtItsPlace() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nsummary: caf\u{E9} \u{7}bell\n---\n"), [
            .error(.malformedYAML, "the front matter cannot be read: control characters are not allowed (U+0007); delete that character", at: Fixture.at(gosport, 3, 15)),
        ])
    }

    func testAnAliasBeforeItsAnchorIsReportedAtTheAnchor() {
        XCTAssertEqual(diagnostics(gosport, "---\ntitle: Gosport\nsummary: *s\narea: &s Gosport\n---\n"), [
            .error(.malformedYAML, YAMLDocument.anchorsMessage, at: Fixture.at(gosport, 4, 7)),
        ])
    }

    func testFrontMatterThatIsNotSettingsIsAnError() {
        XCTAssertEqual(diagnostics(gosport, "---\n- one\n- two\n---\n"), [
            .error(.malformedYAML, "the front matter must be settings written 'key: value', one per line", at: Fixture.at(gosport, 2, 1)),
        ])
    }

    func testLinesAfterCRLFDecodingMatchTheFile() throws {
        let bytes = Array("---\r\ntitle: Gosport\r\nsummary: ok\r\nstatus: establshed\r\n---\r\n".utf8)
        let text = try TextDecoding.decode(bytes, path: "Content/\(gosport)").get()
        XCTAssertEqual(diagnostics(gosport, text).map(\.location), [Fixture.at(gosport, 4, 9)])
    }

    // MARK: site.yml

    func testSiteSettingsAreRead() {
        let (settings, diagnostics) = SiteSettingsDecoder.decode("""
        title: Hampshire Children's Trust
        base_url: https://www.example.org/trust
        language: en-GB
        timezone: Europe/London
        organisation: { name: Hampshire County Council, url: https://www.example.org/ }
        licence: Open Government Licence v3.0
        banners:
          - message: Pre-election period
            from: 2026-03-23
            until: 2026-05-07
        """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(settings.title, "Hampshire Children's Trust")
        XCTAssertEqual(settings.baseURL, "https://www.example.org/trust/")
        XCTAssertEqual(settings.organisationName, "Hampshire County Council")
        XCTAssertEqual(settings.organisationURL, "https://www.example.org/")
        XCTAssertEqual(settings.licence, "Open Government Licence v3.0")
        XCTAssertEqual(settings.notices.map(\.message), ["Pre-election period"])
        XCTAssertEqual(settings.notices.first?.from?.value, WrittenTime.parse("2026-03-23"))
        XCTAssertEqual(settings.unsafeHTML, false)
    }

    func testSiteSettingsProblemsAreEachReportedAtTheirPlace() {
        let (_, diagnostics) = SiteSettingsDecoder.decode("""
        base_url: www.example.org
        timezone: London
        unsafe_html: sometimes
        tittle: Trust
        """)
        XCTAssertEqual(diagnostics, [
            .error(.missingKey, "missing 'title': add a line 'title: ...' with the site's name", at: SourceLocation(file: "Content/site.yml", line: 1, column: 1)),
            .error(.invalidValue, "'base_url' must be an absolute address like https://www.example.org/trust/, not 'www.example.org'", at: SourceLocation(file: "Content/site.yml", line: 1, column: 11)),
            .error(.invalidValue, "'London' is not a time zone; write a name like Europe/London", at: SourceLocation(file: "Content/site.yml", line: 2, column: 11)),
            .error(.wrongType, "'unsafe_html' must be true or false, not 'sometimes'", at: SourceLocation(file: "Content/site.yml", line: 3, column: 14)),
            .warning(.unknownKey, "unknown key 'tittle' in site.yml (did you mean 'title'?)", at: SourceLocation(file: "Content/site.yml", line: 4, column: 1)),
        ])
    }

    func testSiteSettingsThatAreNotYAMLFallBackAndSaySo() {
        let (settings, diagnostics) = SiteSettingsDecoder.decode("title: [Trust\n")
        XCTAssertEqual(settings, SiteSettings.fallback)
        XCTAssertEqual(diagnostics.map(\.code), [.malformedYAML])
        XCTAssertEqual(diagnostics.first?.location?.file, "Content/site.yml")
    }
}
