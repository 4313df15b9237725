// swift-tools-version:6.0
import PackageDescription

/// An example of asserting similarity thresholds in a package's own tests: NewsDesk rewrites
/// wire copy for publication, and its tests use SyndicationTesting from Swift Testing and
/// XCTest. It depends on syndetect by path, as a checkout beside it would.
let package = Package(
    name: "ThresholdExamples",
    dependencies: [
        .package(name: "syndetect", path: "../.."),
    ],
    targets: [
        .target(name: "NewsDesk"),
        .testTarget(
            name: "NewsDeskTests",
            dependencies: [
                "NewsDesk",
                .product(name: "SyndicationTesting", package: "syndetect"),
            ]
        ),
    ]
)
