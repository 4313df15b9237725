// swift-tools-version:6.0
import PackageDescription

/// Module graph (linear, one module per dependency boundary):
/// CLibXXHash ← SyndicationEngine ← SyndicationScan ← SyndicationReport ← syndetect
let package = Package(
    name: "syndetect",
    products: [
        .executable(name: "syndetect", targets: ["syndetect"]),
        .library(name: "SyndicationEngine", targets: ["SyndicationEngine"]),
        .library(name: "SyndicationScan", targets: ["SyndicationScan"]),
        .library(name: "SyndicationReport", targets: ["SyndicationReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .executableTarget(
            name: "syndetect",
            dependencies: [
                "SyndicationReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SyndicationEngineTests", dependencies: ["SyndicationEngine"]),
        .testTarget(name: "SyndicationScanTests", dependencies: ["SyndicationScan"]),
        .testTarget(name: "SyndicationReportTests", dependencies: ["SyndicationReport"], exclude: ["Golden"]),
        .testTarget(name: "syndetectTests", dependencies: ["SyndicationReport", "syndetect"]),
    ]
)
