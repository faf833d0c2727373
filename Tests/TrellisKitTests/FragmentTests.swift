import XCTest
@testable import TrellisKit

/// `#fragments` must name a heading of the body or a section the target page shows.
final class FragmentTests: XCTestCase {
    private func problems(_ files: [String: String]) -> [Diagnostic] {
        let index = Fixture.index(files)
        let bodies = BodyRenderer.render(index)
        return (bodies.flatMap(\.diagnostics) + BodyRenderer.checkFragments(bodies, index: index)).sortedForReport()
    }

    func testFragmentsNamingHeadingsAndSectionsAreFine() {
        XCTAssertEqual(problems([
            "partnerships/gosport.md": "---\ntitle: Gosport\nmembers: [Council]\n---\n## Aims and outcomes\n\nSee [risks](#risks-we-watch), [members](#section-members).\n\n## Risks we watch\n",
            "pages/about.md": "---\ntitle: About\n---\n[Aims](../partnerships/gosport.md#aims-and-outcomes) and [priority](../plans/cypp.md#priority-cyp-1).\n",
            "plans/cypp.md": "---\ntitle: Plan\npriorities:\n  - id: cyp-1\n    title: Poverty\n---\n",
        ]), [])
    }

    func testAMissingFragmentIsAnErrorWithTheNearestHeading() {
        XCTAssertEqual(problems([
            "partnerships/gosport.md": "---\ntitle: Gosport\n---\n## Risks\n",
            "pages/about.md": "---\ntitle: About\n---\nText\n\nSee [risks](../partnerships/gosport.md#risk).\n",
        ]), [
            .error(.unknownFragment, "'#risk' is not a heading or section of Content/partnerships/gosport.md (did you mean '#risks'?)", at: Fixture.at("pages/about.md", 6, 5)),
        ])
    }

    func testAMissingFragmentOnTheSamePageIsAnError() {
        XCTAssertEqual(problems([
            "pages/about.md": "---\ntitle: About\n---\n## Who we are\n\n[Top](#who-we-were) and [bottom](#nowhere-near-it)\n",
        ]), [
            .error(.unknownFragment, "'#nowhere-near-it' is not a heading or section of Content/pages/about.md", at: Fixture.at("pages/about.md", 6, 25)),
            .error(.unknownFragment, "'#who-we-were' is not a heading or section of Content/pages/about.md (did you mean '#who-we-are'?)", at: Fixture.at("pages/about.md", 6, 1)),
        ].sortedForReport())
    }

    func testASectionThePageDoesNotShowIsNotAFragmentToLinkTo() {
        // Havant lists no risks, so its page has no "Risks" section.
        XCTAssertEqual(problems([
            "partnerships/havant.md": "---\ntitle: Havant\n---\n",
            "pages/about.md": "---\ntitle: About\n---\n[Risks](../partnerships/havant.md#section-risks)\n",
        ]), [
            .error(.unknownFragment, "'#section-risks' is not a heading or section of Content/partnerships/havant.md", at: Fixture.at("pages/about.md", 4, 1)),
        ])
    }
}
