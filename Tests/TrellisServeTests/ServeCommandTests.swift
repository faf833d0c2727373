import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `trellis serve` as editors run it: the built binary, stopped with Ctrl-C (SIGINT) or SIGTERM.
final class ServeCommandTests: XCTestCase {
    /// The `trellis` built beside this test bundle (in the build's products folder), or TRELLIS_BINARY.
    private var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TRELLIS_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let bundle = Bundle(for: Self.self).bundleURL
        let folders = [bundle, bundle.deletingLastPathComponent(), Bundle.main.bundleURL]
        let candidates = folders.map { $0.appendingPathComponent("trellis") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath } ?? candidates[0]
    }

    func testStopsCleanlyOnSIGINTAndSIGTERM() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("no trellis binary at \(binary.path); run swift build first") }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-serve-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        try run(["init", site.path]).waitUntilExit()

        for signal in [SIGINT, SIGTERM] {
            let output = Pipe(), errors = Pipe()
            let process = try run(["serve", "--site", site.path, "--port", "0"], output: output, errors: errors)
            // The first line says where it serves.
            var printed = Data()
            let deadline = Date().addingTimeInterval(30)
            while !printed.contains(UInt8(ascii: "\n")) && Date() < deadline {
                printed += output.fileHandleForReading.availableData
            }
            let line = String(decoding: printed, as: UTF8.self)
            let address = try XCTUnwrap(line.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression).map { String(line[$0]) }, line)
            let (data, _) = try fetch(URL(string: address + "plans/cypp/")!)
            XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("Children and Young People"))

            let stopping = Date()
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertLessThan(Date().timeIntervalSince(stopping), 5)
            XCTAssertEqual(process.terminationReason, .exit, "signal \(signal)")
            XCTAssertEqual(process.terminationStatus, 0, "signal \(signal)")
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertTrue(said.hasSuffix("trellis: stopped\n"), said)
        }
    }

    private func run(_ arguments: [String], output: Pipe? = nil, errors: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    private func fetch(_ url: URL) throws -> (Data, URLResponse?) {
        let done = DispatchSemaphore(value: 0)
        let box = Box()
        URLSession.shared.dataTask(with: url) { data, response, _ in
            box.value = (data ?? Data(), response)
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 10)
        return box.value
    }

    private final class Box: @unchecked Sendable { var value: (Data, URLResponse?) = (Data(), nil) }
}
