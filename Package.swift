// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "loanbook",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "LoanBook", targets: ["LoanBook"]),
        .library(name: "LoanBookIO", targets: ["LoanBookIO"]),
        .executable(name: "loanbook", targets: ["loanbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        // The nightly batch's run history (SQLite); needs libsqlite3-dev (make setup).
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // OpenBLAS (CBLAS + LAPACK): the economy's Cholesky factor and factor matrix product.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // The model and the engine: no file formats, no I/O.
        .target(
            name: "LoanBook",
            dependencies: ["COpenBLAS"],
            swiftSettings: [
                .unsafeFlags(["-Ounchecked"], .when(configuration: .release)),
                // The engine is optimised in debug builds too, so that the statistical tests run
                // in seconds; its invariant checks (conservation per path) are compiled in instead.
                .unsafeFlags(["-O"], .when(configuration: .debug)),
                .define("LOANBOOK_INVARIANTS", .when(configuration: .debug)),
            ]
        ),
        // Files in and out: YAML scenarios, CSV books, CSV/JSON outputs, the HTML report.
        .target(
            name: "LoanBookIO",
            dependencies: [
                "LoanBook",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "loanbook",
            dependencies: [
                "LoanBook", "LoanBookIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LoanBookTests",
            dependencies: [
                "LoanBook", "COpenBLAS",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "LoanBookIOTests",
            dependencies: [
                "LoanBook", "LoanBookIO",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Runs the built `loanbook` as a subprocess: batch, merge, history, signals.
        .testTarget(name: "RunnerTests", dependencies: ["LoanBook", "LoanBookIO"]),
    ]
)
