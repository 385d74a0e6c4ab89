// swift-tools-version:6.1
import PackageDescription

/// Reel: a short film from one text file, with any image or video backend.
/// Module map and dependency direction: see DESIGN.md (shared) and README.md.
let package = Package(
    name: "Reel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "reel", targets: ["reel"]),
        .library(name: "ReelKit", targets: ["ReelKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Named for the test servers (NIOHTTP1); async-http-client brings it in anyway.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // System libraries (Debian -dev packages, installed by scripts/bootstrap).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"])]),
        // libjpeg reports errors by longjmp, which Swift cannot survive; this C shim catches them.
        .target(name: "CJPEGHelpers", dependencies: ["CJPEG"]),

        .target(name: "ReelKit", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "ReelStore",
            dependencies: [
                "ReelKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "ReelMedia", dependencies: ["ReelKit", "CCairo", "CPNG", "CJPEG", "CJPEGHelpers", "CWebP"]),
        .target(
            name: "ReelBackends",
            dependencies: [
                "ReelKit", "ReelMedia", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]),
        .target(
            name: "ReelEngine",
            dependencies: ["ReelKit", "ReelStore", "ReelMedia", .product(name: "Logging", package: "swift-log")]),
        // The studio in a browser: pages, JSON API and live progress over Hummingbird.
        .target(
            name: "ReelServer",
            dependencies: [
                "ReelKit", "ReelStore", "ReelMedia", "ReelEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Assets")]),
        .executableTarget(
            name: "reel",
            dependencies: [
                "ReelKit", "ReelStore", "ReelMedia", "ReelBackends", "ReelEngine", "ReelServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The example film's score, which `reel init` writes; a copy of Examples/first-light/score.opus.
            resources: [.copy("Resources/score.opus")]),
        .executableTarget(
            name: "reel-bench",
            dependencies: [
                "ReelKit", "ReelStore", "ReelMedia", "ReelBackends", "ReelEngine", "ReelTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "bench"),
        .target(
            name: "ReelTesting",
            dependencies: [
                "ReelKit", "ReelStore", "ReelMedia", "ReelEngine", "ReelBackends",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOWebSocket", package: "swift-nio"),
            ]),

        .testTarget(
            name: "ReelKitTests",
            dependencies: ["ReelKit", .product(name: "PropertyBased", package: "swift-property-based")]),
        // A second process for ReelStoreTests: killed mid-write, or sharing a project with the tests.
        .executableTarget(name: "reel-store-probe", dependencies: ["ReelStore"], path: "Tests/Probes/StoreProbe"),
        .testTarget(
            name: "ReelStoreTests",
            dependencies: [
                "ReelStore", "ReelTesting", "reel-store-probe", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "ReelMediaTests", dependencies: ["ReelMedia", "ReelTesting"]),
        .testTarget(
            name: "ReelBackendsTests",
            dependencies: [
                "ReelBackends", "ReelEngine", "ReelStore", "ReelTesting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]),
        .testTarget(name: "ReelEngineTests", dependencies: ["ReelEngine", "ReelBackends", "ReelTesting"]),
        .testTarget(
            name: "ReelCLITests", dependencies: ["reel", "ReelTesting", "ReelStore", "ReelMedia"], exclude: ["Golden"]),
        .testTarget(
            name: "ReelServerTests",
            dependencies: [
                "ReelServer", "ReelTesting", "reel", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Browser"]),
    ],
    swiftLanguageModes: [.v6]
)
