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
        // libpng's row-by-row reader also reports errors by longjmp; the same kind of shim.
        .target(name: "CPNGHelpers", dependencies: ["CPNG"]),
        // dlib's face detector and descriptor network (libdlib-dev) behind a C API. Optimised even in
        // debug builds: dlib's templates at -O0 make one descriptor take seconds.
        .target(
            name: "CDlibFaces",
            cxxSettings: [.unsafeFlags(["-O2"]), .define("NDEBUG")],
            linkerSettings: [.linkedLibrary("dlib"), .linkedLibrary("blas"), .linkedLibrary("lapack")]),

        .target(name: "ReelKit", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "ReelStore",
            dependencies: [
                "ReelKit", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "ReelMedia",
            dependencies: [
                "ReelKit", "CCairo", "CPNG", "CPNGHelpers", "CJPEGHelpers", "CWebP",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The identity scorer: faces found and described by dlib, verdicts per character.
        .target(name: "ReelFaces", dependencies: ["ReelKit", "ReelMedia", "CDlibFaces"]),
        // The embedded `sketch` image backend: storyboard frames drawn from the prompt's words.
        .target(name: "ReelSketch", dependencies: ["ReelKit", "ReelMedia"]),
        .target(
            name: "ReelBackends",
            dependencies: [
                "ReelKit", "ReelMedia", "ReelSketch",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]),
        .target(
            name: "ReelEngine",
            dependencies: [
                "ReelKit", "ReelStore", "ReelMedia", "ReelFaces", .product(name: "Logging", package: "swift-log"),
            ]),
        // The one composition root: a project opened with its store, backends, studio and HTTP client.
        .target(
            name: "ReelSession",
            dependencies: [
                "ReelKit", "ReelStore", "ReelEngine", "ReelBackends",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The studio in a browser: pages, JSON API and live progress over Hummingbird.
        .target(
            name: "ReelServer",
            dependencies: [
                "ReelKit", "ReelStore", "ReelEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Assets")]),
        .executableTarget(
            name: "reel",
            dependencies: [
                "ReelKit", "ReelStore", "ReelMedia", "ReelEngine", "ReelServer", "ReelSession", "ReelFaces",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The example film's score, which `reel init` writes; a copy of Examples/first-light/score.opus.
            resources: [.copy("Resources/score.opus")]),
        .executableTarget(
            name: "reel-bench",
            dependencies: [
                "ReelKit", "ReelMedia", "ReelBackends", "ReelEngine", "ReelSession", "ReelTestingServers", "ReelFaces",
            ],
            path: "bench"),
        // Test support without servers: temporary projects, images, films, the reel process, PDFs.
        .target(
            name: "ReelTesting", dependencies: ["ReelKit", "ReelMedia", "ReelEngine", "ReelBackends", "ReelSession"]),
        // Fake vendor servers on 127.0.0.1 (ComfyUI, a generic HTTP server) for backend tests.
        .target(
            name: "ReelTestingServers",
            dependencies: [
                "ReelKit", "ReelBackends", "ReelMedia",
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
            dependencies: ["ReelStore", "reel-store-probe", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ReelMediaTests", dependencies: ["ReelKit", "ReelMedia", "ReelTesting"]),
        .testTarget(name: "ReelFacesTests", dependencies: ["ReelKit", "ReelMedia", "ReelFaces", "ReelTesting"]),
        .testTarget(name: "ReelSketchTests", dependencies: ["ReelKit", "ReelMedia", "ReelSketch"]),
        .testTarget(
            name: "ReelBackendsTests",
            dependencies: [
                "ReelKit", "ReelMedia", "ReelBackends", "ReelEngine", "ReelStore", "ReelTesting", "ReelTestingServers",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        .testTarget(
            name: "ReelSessionTests",
            dependencies: [
                "ReelKit", "ReelEngine", "ReelSession", "ReelTesting", "ReelTestingServers",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        .testTarget(
            name: "ReelEngineTests",
            dependencies: [
                "ReelKit", "ReelMedia", "ReelStore", "ReelEngine", "ReelBackends", "ReelSession", "ReelTesting",
                "ReelTestingServers",
            ]),
        .testTarget(
            name: "ReelCLITests",
            dependencies: [
                "reel", "ReelEngine", "ReelTesting", "ReelTestingServers", "ReelStore", "ReelMedia", "ReelFaces",
                "ReelSession",
            ],
            exclude: ["Golden"]),
        .testTarget(
            name: "ReelServerTests",
            dependencies: [
                "ReelKit", "ReelMedia", "ReelStore", "ReelEngine", "ReelServer", "ReelTesting", "reel", "ReelFaces",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Browser"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
