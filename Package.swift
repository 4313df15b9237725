// swift-tools-version:6.0
import PackageDescription

/// Module graph (linear, one module per dependency boundary):
/// CLibXXHash ← SyndicationEngine ← SyndicationScan ← SyndicationReport ← syndetect
/// SyndicationTesting (threshold assertions for users' tests) sits on SyndicationScan, apart
/// from the CLI, so the tool never links a test framework.
/// SyndicationIndex (a persistent SQLite index through GRDB) sits on SyndicationScan; the CLI's
/// `index` commands use it.
let package = Package(
    name: "syndetect",
    products: [
        .executable(name: "syndetect", targets: ["syndetect"]),
        .library(name: "SyndicationEngine", targets: ["SyndicationEngine"]),
        .library(name: "SyndicationScan", targets: ["SyndicationScan"]),
        .library(name: "SyndicationReport", targets: ["SyndicationReport"]),
        .library(name: "SyndicationTesting", targets: ["SyndicationTesting"]),
        .library(name: "SyndicationIndex", targets: ["SyndicationIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .target(name: "SyndicationEngine", dependencies: ["CLibXXHash"]),
        .target(name: "SyndicationScan", dependencies: ["SyndicationEngine"]),
        .target(name: "SyndicationReport", dependencies: ["SyndicationScan"]),
        .target(name: "SyndicationTesting", dependencies: ["SyndicationEngine", "SyndicationScan"]),
        .target(
            name: "SyndicationIndex",
            dependencies: ["SyndicationScan", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "syndetect",
            dependencies: [
                "SyndicationReport",
                "SyndicationIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The tool's allocator (AllocatorSettings.swift); the libraries keep their host's.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SyndicationEngineTests", dependencies: ["SyndicationEngine", "TestSupport"]),
        .testTarget(name: "SyndicationScanTests", dependencies: ["SyndicationScan", "TestSupport"]),
        .testTarget(name: "SyndicationReportTests", dependencies: ["SyndicationReport", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "SyndicationTestingTests", dependencies: ["SyndicationTesting"]),
        .testTarget(
            name: "SyndicationIndexTests",
            dependencies: ["SyndicationIndex", "SyndicationReport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "syndetectTests", dependencies: ["SyndicationReport", "syndetect"]),
    ]
)
