// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Caseload",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "caseload", targets: ["caseload"]),
        .library(name: "CaseloadCore", targets: ["CaseloadCore"]),
        .library(name: "CaseloadPlanner", targets: ["CaseloadPlanner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", "2.4.1"..<"3.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/vapor/jwt-kit", exact: "5.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        .target(name: "CaseloadCore"),
        .target(name: "CaseloadFormats", dependencies: ["CaseloadCore"]),
        .target(
            name: "CaseloadPlanner",
            dependencies: [
                "CaseloadCore",
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .target(name: "CaseloadFixtures", dependencies: ["CaseloadCore", "CaseloadFormats"]),
        .target(name: "CaseloadConfig", dependencies: ["CaseloadCore", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "CaseloadStore",
            dependencies: [
                "CaseloadCore", "CaseloadFormats", "CaseloadFixtures", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "CaseloadService", dependencies: ["CaseloadCore", "CaseloadFormats", "CaseloadPlanner", "CaseloadStore"]),
        .target(
            name: "CaseloadServer",
            dependencies: [
                "CaseloadCore", "CaseloadFormats", "CaseloadStore", "CaseloadService", "CaseloadConfig", "CaseloadPlanner",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("openapi.yaml"), .copy("Web/Templates"), .copy("Web/Static")]
        ),
        .target(
            name: "CaseloadCLI",
            dependencies: [
                "CaseloadCore", "CaseloadFormats", "CaseloadPlanner", "CaseloadFixtures", "CaseloadConfig", "CaseloadStore", "CaseloadService",
                "CaseloadServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "caseload", dependencies: ["CaseloadCLI"]),
        .executableTarget(
            name: "caseload-bench",
            dependencies: ["CaseloadCore", "CaseloadFormats", "CaseloadStore", "CaseloadConfig", "CaseloadFixtures", "CaseloadService"]
        ),
        .target(
            name: "CaseloadTestSupport",
            dependencies: ["CaseloadCore", "CaseloadFormats", "CaseloadConfig", "CaseloadStore", "CaseloadService"],
            path: "Tests/CaseloadTestSupport",
            exclude: ["ics_events.py"]
        ),
        .testTarget(name: "CaseloadCoreTests", dependencies: ["CaseloadCore", "CaseloadFormats", "CaseloadConfig"]),
        .testTarget(
            name: "CaseloadPlannerTests",
            dependencies: ["CaseloadCore", "CaseloadFormats", "CaseloadPlanner", "CaseloadFixtures", "CaseloadTestSupport"]
        ),
        .testTarget(
            name: "CaseloadStoreTests",
            dependencies: ["CaseloadStore", "CaseloadCore", "CaseloadFormats", "CaseloadConfig", "CaseloadFixtures", "CaseloadTestSupport"]
        ),
        .testTarget(
            name: "CaseloadCLITests",
            dependencies: [
                "CaseloadCLI", "CaseloadCore", "CaseloadFormats", "CaseloadPlanner", "CaseloadStore", "CaseloadService", "CaseloadTestSupport",
            ]
        ),
        .testTarget(
            name: "CaseloadServerTests",
            dependencies: [
                "CaseloadServer", "CaseloadCore", "CaseloadFormats", "CaseloadStore", "CaseloadService", "CaseloadConfig", "CaseloadTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["browser", "oidc", "mail", "term"]
        ),
        .testTarget(
            name: "CaseloadServiceTests",
            dependencies: [
                "CaseloadService", "CaseloadCore", "CaseloadFormats", "CaseloadStore", "CaseloadConfig", "CaseloadFixtures", "CaseloadTestSupport",
            ]
        ),
    ]
)
