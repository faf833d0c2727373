// swift-tools-version:6.0
// libFuzzer targets for Trellis (issue 8). A package of its own so the main package and CI
// never build with the fuzzer runtime. Build and run with ./run.sh (see README.md).
import PackageDescription

// Each target defines LLVMFuzzerTestOneInput and a `<Module>_main` that starts libFuzzer's driver
// (see FuzzDriver.h), and is compiled as a library (no top-level code). Everything else,
// TrellisKit and its dependencies included, gets address sanitizer and coverage from the
// command line in run.sh; only these executables link the libFuzzer runtime (the theme
// embedding tool the main package runs while building must keep its own `main`).
let fuzzEntry: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let fuzzRuntime: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let trellisKit: [Target.Dependency] = [.product(name: "TrellisKit", package: "Trellis"), "FuzzDriver"]

let package = Package(
    name: "TrellisFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Trellis", path: ".."),
    ],
    targets: [
        // Starts libFuzzer's driver from the entry point SwiftPM gives an executable.
        .target(name: "FuzzDriver"),
        // The front-matter reader: YAML through Yams into every kind of document, and site.yml.
        .executableTarget(name: "FuzzFrontMatter", dependencies: trellisKit, swiftSettings: fuzzEntry, linkerSettings: fuzzRuntime),
        // The Markdown stage: cmark plus Trellis's tree edits (links kept, replaced, removed; headings; table blocks).
        .executableTarget(name: "FuzzMarkdown", dependencies: trellisKit, swiftSettings: fuzzEntry, linkerSettings: fuzzRuntime),
        // A whole build of a small site holding the input as one document, every page audited.
        .executableTarget(name: "FuzzBuild", dependencies: trellisKit, swiftSettings: fuzzEntry, linkerSettings: fuzzRuntime),
    ],
    swiftLanguageModes: [.v5]
)
