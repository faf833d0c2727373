import XCTest
@testable import TrellisKit

/// Every id in front matter must name something that exists, with "did you mean" when one is near.
final class ReferenceCheckerTests: XCTestCase {
    /// A small site every test adds to: a plan with two priorities, a measure, a contact, a framework.
    private let base: [String: String] = [
        "plans/cypp.md": """
        ---
        title: Children and Young People's Plan
        priorities:
          - id: cyp-1
            title: Poverty
          - id: cyp-2
            title: Health
        ---
        """,
        "partnerships/gosport.md": "---\ntitle: Gosport\n---\n",
        "measures/neet.md": "---\ntitle: NEET\n---\n",
        "contacts/manager.md": "---\nname: Partnership Manager\n---\n",
        "frameworks/pmf.md": "---\ntitle: PMF\n---\n",
    ]

    private func check(_ extra: [String: String], drafts: [String: String] = [:]) -> [Diagnostic] {
        let files = base.merging(extra) { $1 }
        let index = Fixture.index(files)
        let all = index.documents + drafts.map { Fixture.document($0.key, $0.value) }
        return ReferenceChecker.check(index, allDocuments: all).sortedForReport()
    }

    func testAGoodSiteHasNoProblems() {
        XCTAssertEqual(check([
            "partnerships/havant.md": """
            ---
            title: Havant
            parent: gosport
            chair: manager
            contacts: [manager]
            priorities: [cyp-1]
            measures: [neet]
            documents: [plans/cypp, frameworks/pmf]
            ---
            """,
        ]), [])
    }

    func testDocumentsAreFoundByKindAndIdAndByReference() {
        let index = Fixture.index(base.merging(["pages/cypp.md": "---\ntitle: A page named like the plan\n---\n"]) { $1 })
        XCTAssertEqual(index.document(.plan, "cypp")?.title, "Children and Young People's Plan")
        XCTAssertEqual(index.document(.page, "cypp")?.title, "A page named like the plan", "the same id in another kind is another document")
        XCTAssertEqual(index.document(reference: "pages/cypp")?.kind, .page)
        XCTAssertNil(index.document(.measure, "cypp"))
        XCTAssertNil(index.document(.plan, "plans/cypp"))
        XCTAssertEqual(DocumentKind.allCases.map(\.number), Array(DocumentKind.allCases.indices))
    }

    func testEveryUnknownIdInAPartnershipIsAnErrorAtItsPlace() {
        let file = "partnerships/havant.md"
        XCTAssertEqual(check([file: """
            ---
            title: Havant
            parent: gosprot
            chair: managr
            contacts: [manager, chiar]
            priorities: [cyp-3]
            measures: [neat]
            documents: [plans/cyp, cypp]
            ---
            """]), [
            .error(.unknownReference, "unknown partnership 'gosprot' as parent (did you mean 'gosport'?)", at: Fixture.at(file, 3, 9)),
            .error(.unknownReference, "unknown contact 'managr' as chair (did you mean 'manager'?)", at: Fixture.at(file, 4, 8)),
            .error(.unknownReference, "unknown contact 'chiar' as a contact", at: Fixture.at(file, 5, 21)),
            .error(.unknownReference, "unknown priority 'cyp-3' as a priority it works on (did you mean 'cyp-1'?); priorities are defined in a plan's 'priorities:'", at: Fixture.at(file, 6, 14)),
            .error(.unknownReference, "unknown measure 'neat' as a measure it tracks (did you mean 'neet'?)", at: Fixture.at(file, 7, 12)),
            .error(.unknownReference, "unknown document 'plans/cyp' as one of its documents (did you mean 'plans/cypp'?); documents are written as plans/ID or frameworks/ID", at: Fixture.at(file, 8, 13)),
            .error(.unknownReference, "unknown document 'cypp' as one of its documents (write it as 'plans/cypp'); documents are written as plans/ID or frameworks/ID", at: Fixture.at(file, 8, 24)),
        ])
    }

    func testEveryUnknownIdInAPlanIsAnError() {
        let file = "plans/later.md"
        XCTAssertEqual(check([file: """
            ---
            title: Later plan
            owner: gosprt
            superseded_by: cyp
            priorities:
              - id: later-1
                parent: cyp-11
                title: Later
                measures: [net]
            ---
            """]), [
            .error(.unknownReference, "unknown partnership 'gosprt' as owner (did you mean 'gosport'?)", at: Fixture.at(file, 3, 8)),
            .error(.unknownReference, "unknown plan 'cyp' as superseded_by (did you mean 'cypp'?)", at: Fixture.at(file, 4, 16)),
            .error(.unknownReference, "unknown priority 'cyp-11' as the parent of 'later-1' (did you mean 'cyp-1'?); priorities are defined in a plan's 'priorities:'", at: Fixture.at(file, 7, 13)),
            .error(.unknownReference, "unknown measure 'net' as a measure of 'later-1' (did you mean 'neet'?)", at: Fixture.at(file, 9, 16)),
        ])
    }

    func testEveryUnknownIdInAFrameworkIsAnError() {
        let file = "frameworks/early-help.md"
        XCTAssertEqual(check([file: """
            ---
            title: Early help
            owner: nowhere-at-all
            priorities: [cyp-9]
            measures: [neet, nee]
            ---
            """]), [
            .error(.unknownReference, "unknown partnership 'nowhere-at-all' as owner", at: Fixture.at(file, 3, 8)),
            .error(.unknownReference, "unknown priority 'cyp-9' as a priority it serves (did you mean 'cyp-1'?); priorities are defined in a plan's 'priorities:'", at: Fixture.at(file, 4, 14)),
            .error(.unknownReference, "unknown measure 'nee' as a measure it uses (did you mean 'neet'?)", at: Fixture.at(file, 5, 18)),
        ])
    }

    func testAConsultationOutcomeDocumentMustExist() {
        let file = "frameworks/family.md"
        XCTAssertEqual(check([file: """
            ---
            title: Family support
            consultation:
              opens: 2010-11-15
              closes: 2011-01-31
              outcome: { published: 2011-04-20, document: frameworks/pfm }
            ---
            """]), [
            .error(.unknownReference, "unknown document 'frameworks/pfm' as the consultation's outcome document (did you mean 'frameworks/pmf'?); documents are written as plans/ID or frameworks/ID", at: Fixture.at(file, 6, 47)),
        ])
    }

    func testAReferenceToADraftSaysItIsADraft() {
        let file = "partnerships/havant.md"
        XCTAssertEqual(check([file: "---\ntitle: Havant\nchair: new-chair\n---\n"], drafts: ["contacts/new-chair.md": "---\nname: New chair\ndraft: true\n---\n"]), [
            .error(.unknownReference, "unknown contact 'new-chair' as chair (it is a draft, left out of this build; build with --drafts or remove 'draft: true')", at: Fixture.at(file, 3, 8)),
        ])
    }

    func testAPriorityOrDocumentInADraftPlanSaysItIsADraft() {
        let file = "partnerships/havant.md"
        let draft = "---\ntitle: Next plan\ndraft: true\npriorities:\n  - id: next-1\n    title: Next\n---\n"
        XCTAssertEqual(check([file: "---\ntitle: Havant\npriorities: [next-1]\ndocuments: [plans/next]\n---\n"], drafts: ["plans/next.md": draft]), [
            .error(.unknownReference, "unknown priority 'next-1' as a priority it works on (it is in a draft plan, left out of this build; build with --drafts or remove 'draft: true')", at: Fixture.at(file, 3, 14)),
            .error(.unknownReference, "unknown document 'plans/next' as one of its documents (it is a draft, left out of this build; build with --drafts or remove 'draft: true')", at: Fixture.at(file, 4, 13)),
        ])
    }

    // MARK: Duplicates and cycles

    func testAPriorityIdDefinedInTwoPlansIsAnErrorAtTheSecond() {
        let file = "plans/later.md"
        XCTAssertEqual(check([file: "---\ntitle: Later\npriorities:\n  - id: cyp-2\n    title: Health again\n---\n"]), [
            .error(.duplicateID, "priority 'cyp-2' is already defined at Content/plans/cypp.md:6:9; priority ids must be unique across the whole site", at: Fixture.at(file, 4, 9)),
        ])
    }

    func testAPriorityIdDefinedTwiceInOnePlanIsAnError() {
        let file = "plans/later.md"
        XCTAssertEqual(check([file: "---\ntitle: Later\npriorities:\n  - id: l-1\n    title: One\n  - id: l-1\n    title: Two\n---\n"]), [
            .error(.duplicateID, "priority 'l-1' is already defined at Content/plans/later.md:4:9; priority ids must be unique across the whole site", at: Fixture.at(file, 6, 9)),
        ])
    }

    func testPrioritiesWhoseParentsFormACycleAreErrors() {
        let file = "plans/later.md"
        XCTAssertEqual(check([file: """
            ---
            title: Later
            priorities:
              - id: a
                parent: b
                title: A
              - id: b
                parent: a
                title: B
              - id: c
                parent: c
                title: C
            ---
            """]), [
            .error(.priorityCycle, "priority 'a' is its own ancestor: a -> b -> a; a priority's parent must be a priority above it", at: Fixture.at(file, 5, 13)),
            .error(.priorityCycle, "priority 'b' is its own ancestor: b -> a -> b; a priority's parent must be a priority above it", at: Fixture.at(file, 8, 13)),
            .error(.priorityCycle, "priority 'c' is its own ancestor: c -> c; a priority's parent must be a priority above it", at: Fixture.at(file, 11, 13)),
        ])
    }

    func testAPriorityBelowACycleIsNotReportedAsACycleItself() {
        let file = "plans/later.md"
        let diagnostics = check([file: "---\ntitle: Later\npriorities:\n  - id: a\n    parent: b\n    title: A\n  - id: b\n    parent: a\n    title: B\n  - id: d\n    parent: a\n    title: D\n---\n"])
        XCTAssertEqual(diagnostics.map(\.location), [Fixture.at(file, 5, 13), Fixture.at(file, 8, 13)])
    }

    func testPartnershipsWhoseParentsFormACycleAreErrors() {
        XCTAssertEqual(check([
            "partnerships/a.md": "---\ntitle: A\nparent: b\n---\n",
            "partnerships/b.md": "---\ntitle: B\nparent: a\n---\n",
            "partnerships/c.md": "---\ntitle: C\nparent: c\n---\n",
        ]), [
            .error(.partnershipCycle, "partnership 'a' is its own parent: a -> b -> a", at: Fixture.at("partnerships/a.md", 3, 9)),
            .error(.partnershipCycle, "partnership 'b' is its own parent: b -> a -> b", at: Fixture.at("partnerships/b.md", 3, 9)),
            .error(.partnershipCycle, "partnership 'c' is its own parent: c -> c", at: Fixture.at("partnerships/c.md", 3, 9)),
        ])
    }

    // MARK: Did you mean

    func testSuggestionsAreTheNearestWithinAThirdOfTheWord() {
        XCTAssertEqual(Suggestion.nearest(to: "prioritys", in: ["priorities", "parent", "measures"]), "priorities")
        XCTAssertEqual(Suggestion.nearest(to: "gosprot", in: ["gosport", "havant"]), "gosport")
        XCTAssertNil(Suggestion.nearest(to: "zzz", in: ["gosport", "havant"]))
        XCTAssertEqual(Suggestion.nearest(to: "ab", in: ["ac", "ad"]), "ac", "ties go to the first in alphabetical order")
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting", limit: 10), 3)
        XCTAssertEqual(Suggestion.editDistance("", "abc", limit: 10), 3)
        XCTAssertEqual(Suggestion.editDistance("abc", "", limit: 10), 3)
    }
}
