// swift-tools-version:6.0
import PackageDescription

/// Benchmarks of syndetect, kept out of the main package so `swift build` and `swift test`
/// never build or run them. `scripts/bench` builds this package in release mode and runs it
/// beside the peers (datasketch, rensa, simhash) on the same corpus.
let package = Package(
    name: "syndetect-benchmarks",
    dependencies: [
        .package(name: "syndetect", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "sketch-bench",
            dependencies: [.product(name: "SyndicationEngine", package: "syndetect")]
        ),
    ]
)
