import Foundation
import XCTest
@testable import TrellisKit

/// docs/diagnostics.md has a section, an example and a fix for every diagnostic code, and no section for a code that is gone.
final class DiagnosticsCatalogueTests: XCTestCase {
    private func catalogue() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    }

    /// Each `### \`code\`` section's text, by code.
    private func sections() throws -> [String: String] {
        var sections: [String: String] = [:]
        var current: String?
        for line in try catalogue().split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### `"), line.hasSuffix("`") {
                current = String(line.dropFirst(5).dropLast())
                sections[current!] = ""
            } else if line.hasPrefix("## ") {
                current = nil
            } else if let code = current {
                sections[code]! += line + "\n"
            }
        }
        return sections
    }

    func testEveryCodeHasAnExampleAndAFix() throws {
        let sections = try sections()
        for code in DiagnosticCode.allCases {
            guard let text = sections[code.rawValue] else {
                XCTFail("docs/diagnostics.md has no section '### `\(code.rawValue)`'")
                continue
            }
            XCTAssertTrue(text.contains("Example"), "\(code.rawValue) has no example")
            XCTAssertTrue(text.contains(": error: ") || text.contains(": warning: "), "\(code.rawValue) shows no message")
            XCTAssertTrue(text.contains("Fix:"), "\(code.rawValue) has no fix")
        }
    }

    func testNoSectionForACodeThatIsGone() throws {
        let codes = Set(DiagnosticCode.allCases.map(\.rawValue))
        for code in try sections().keys {
            XCTAssertTrue(codes.contains(code), "docs/diagnostics.md describes '\(code)', which is not a DiagnosticCode")
        }
    }
}
