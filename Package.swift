// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Trellis",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "trellis", targets: ["trellis"]),
        .library(name: "TrellisKit", targets: ["TrellisKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // cmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The few POSIX calls Swift's Glibc module does not expose (renameat2).
        .target(name: "CSupport"),
        // The only module that touches cmark.
        .target(name: "Markdown", dependencies: ["CMark"], swiftSettings: [.enableUpcomingFeature("BareSlashRegexLiterals")]),
        .target(
            name: "TrellisKit",
            dependencies: [
                "Markdown", "CSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: [.enableUpcomingFeature("BareSlashRegexLiterals")],
            plugins: ["EmbedTheme"]
        ),
        .executableTarget(
            name: "trellis",
            dependencies: [
                "TrellisKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Turns Themes/default into Swift source, so the default theme ships inside `trellis`.
        .executableTarget(name: "embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "TrellisKitTests", dependencies: ["TrellisKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TrellisKit"]),
    ],
    swiftLanguageModes: [.v5]
)
