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
        // For its libyaml (the CYaml module), whose parser's events front matter is read from.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
            ],
            swiftSettings: [.enableUpcomingFeature("BareSlashRegexLiterals")],
            plugins: ["EmbedTheme"]
        ),
        // The preview server and file watching, and nothing else.
        .target(
            name: "TrellisServe",
            dependencies: [
                "TrellisKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Linked with tcmalloc (Debian's libtcmalloc-minimal4, which has no development package of its
        // own, hence the file name): a build makes and frees millions of small objects on every core,
        // and glibc's malloc and free took about a sixth of its time (bench/README.md).
        .executableTarget(
            name: "trellis",
            dependencies: [
                "TrellisKit", "TrellisServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.linkedLibrary(":libtcmalloc_minimal.so.4", .when(platforms: [.linux]))]
        ),
        // Turns Themes/default into Swift source, so the default theme ships inside `trellis`.
        .executableTarget(name: "embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "TrellisKitTests", dependencies: ["TrellisKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TrellisKit"]),
        .testTarget(name: "TrellisServeTests", dependencies: ["TrellisServe", "TrellisKit"]),
    ],
    swiftLanguageModes: [.v5]
)
