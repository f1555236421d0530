// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "schema-scribe",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "scribe-build", targets: ["scribe-build"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `scribe-build serve`: the HTTP server, and gzip over the system's zlib.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        // The value model every stage reads and enriches. No I/O, no dependencies.
        .target(name: "Catalog"),
        // SHA-256 for the content-addressed caches, and the fingerprints that tell a build what changed (the
        // catalog's types feed theirs field by field).
        .target(name: "ContentHash", dependencies: ["Catalog"]),

        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "Introspect", dependencies: ["Catalog", "CSQLite", "CLibPQ"]),

        // What people write about the data: context files (YAML, CSV) merged into the catalog.
        .target(name: "Context", dependencies: [
            "Catalog",
            .product(name: "Yams", package: "Yams"),
        ]),

        // Descriptions for what nobody described: the offline describer, or a model over HTTP, with a cache.
        .target(name: "Describe", dependencies: ["Catalog", "ContentHash"]),
        // Sampling through the drivers' read-only row readers (the one target that fetches values), column
        // profiles from the samples, PII found in them, and the masking that keeps raw values in.
        .target(name: "Profile", dependencies: ["Catalog", "ContentHash", "Introspect"]),

        // Relationships nobody declared, suggested from names, types and keys, and checked against the data.
        .target(name: "Relationships", dependencies: ["Catalog", "ContentHash", "Introspect"]),

        // Comparing two catalogs for review: what changed, as Markdown for a pull request or as JSON.
        .target(name: "Review", dependencies: ["Catalog"]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev"])]),
        .target(name: "SiteGen", dependencies: [
            "Catalog", "Context", "ContentHash", "CCmarkGFM",
        ]),

        // Configuration and the named build stages; everything the CLI does, callable from tests.
        .target(name: "ScribeKit", dependencies: [
            "Catalog", "Context", "Describe", "Introspect", "Profile", "Relationships", "Review", "SiteGen",
            .product(name: "Yams", package: "Yams"),
        ]),

        // `scribe-build serve`: the built site over HTTP on loopback, rebuilt from the context stage on when a
        // watched file changes, with live reload. Only the command depends on it; the library stages never do.
        .target(name: "Serve", dependencies: [
            "ContentHash", "ScribeKit",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "CompressNIO", package: "compress-nio"),
        ]),

        .executableTarget(name: "scribe-build", dependencies: [
            "Catalog", "Review", "ScribeKit", "Serve",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Helpers shared by the test targets: SQLite files built from SQL, temporary folders, snapshots.
        .target(name: "TestSupport", dependencies: ["CSQLite", "CLibPQ"], path: "Tests/TestSupport"),

        // Fixtures and snapshots are read beside each test file (#filePath), so recording can rewrite them.
        .testTarget(name: "IntrospectTests", dependencies: ["Catalog", "Introspect", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteGenTests", dependencies: ["Catalog", "ContentHash", "SiteGen", "TestSupport"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "ContentHashTests", dependencies: ["Catalog", "ContentHash", "TestSupport"]),
        .testTarget(name: "ReviewTests", dependencies: ["Catalog", "Review", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "DescribeTests", dependencies: ["Catalog", "Describe", "TestSupport"]),
        .testTarget(name: "ProfileTests", dependencies: ["Catalog", "Introspect", "Profile", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RelationshipsTests", dependencies: ["Catalog", "ContentHash", "Introspect", "Relationships", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ContextTests", dependencies: ["Catalog", "Context", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ServeTests", dependencies: [
            "ScribeKit", "Serve", "TestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "CompressNIO", package: "compress-nio"),
        ]),
        .testTarget(name: "ScribeKitTests", dependencies: ["Context", "Describe", "Review", "ScribeKit", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
