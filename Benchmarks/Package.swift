// swift-tools-version: 6.1
import PackageDescription

import class Foundation.ProcessInfo
import struct Foundation.URL

// The benchmarks are their own package (swift-nio's layout): users of the library never build
// package-benchmark. `make bench` runs them: `cd Benchmarks && swift package
// --allow-writing-to-package-directory benchmark`.

// A path dependency's identity is the name of its directory, which is whatever the checkout
// is called (loanbook, wt-bench, a CI folder): read it rather than guess it.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LoanBookBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "LoanBook", package: mainPackage),
                .product(name: "LoanBookIO", package: mainPackage),
            ],
            path: "Benchmarks/LoanBookBenchmarks",
            // As the engine's module is compiled, so that the bare loop (BareLoop.swift) is a fair floor.
            swiftSettings: [.unsafeFlags(["-Ounchecked"])],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    ]
)
