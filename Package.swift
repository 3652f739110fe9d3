// swift-tools-version:6.1
// Switchboard: an integration gateway, a mock upstream and a conformance runner, in one package.
// No package dependencies (the user's choice): Foundation, Dispatch, Glibc, XCTest, Swift Testing,
// and Debian C libraries through systemLibrary targets.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
    ],
    targets: [
        // C system libraries and shims (module maps in each folder).
        .systemLibrary(name: "CSystem", path: "Sources/CSystem"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),

        // Libraries, lowest first.
        .target(name: "HTTPCore", swiftSettings: strict),
        .target(name: "ChildProcess", dependencies: ["CSystem"], swiftSettings: strict),
        .target(name: "HTTPServer", dependencies: ["HTTPCore", "CSystem"], swiftSettings: strict),
        .target(name: "HTTPClient", dependencies: ["HTTPCore", "CCurl"], swiftSettings: strict),
        .target(name: "Crypto", dependencies: ["COpenSSL"], swiftSettings: strict),
        .target(name: "Store", dependencies: ["CSQLite"], swiftSettings: strict),
        .target(name: "JSONSchema", swiftSettings: strict),
        .target(name: "MockUpstream", dependencies: ["HTTPCore", "HTTPServer", "HTTPClient", "JSONSchema"], swiftSettings: strict),
        .target(name: "Conformance", dependencies: ["JSONSchema", "HTTPCore", "HTTPClient", "HTTPServer", "Crypto"],
                swiftSettings: strict),
        .target(name: "Gateway", dependencies: ["HTTPCore", "HTTPServer", "HTTPClient", "Store", "Crypto", "JSONSchema",
                                         "ChildProcess"],
                swiftSettings: strict),

        // The command line.
        .executableTarget(name: "switchboard", dependencies: ["Gateway", "HTTPServer", "Store", "MockUpstream", "Conformance", "ChildProcess"], swiftSettings: strict),

        // Tests.
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPCore"], swiftSettings: strict),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient", "HTTPServer", "HTTPCore", "ChildProcess"], swiftSettings: strict),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store"], swiftSettings: strict),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "HTTPServer", "HTTPCore", "Store", "JSONSchema", "Crypto", "ChildProcess"],
                    exclude: ["Fixtures"],
                    swiftSettings: strict),
        .testTarget(name: "MockUpstreamTests", dependencies: ["MockUpstream", "HTTPClient", "HTTPServer", "HTTPCore", "JSONSchema",
                                                            "ChildProcess"],
                    exclude: ["Fixtures", "SDKChecks"], swiftSettings: strict),
        .testTarget(name: "ConformanceTests",
                    dependencies: ["Conformance", "JSONSchema", "HTTPCore", "HTTPServer", "HTTPClient", "Crypto", "Gateway",
                                   "MockUpstream"],
                    swiftSettings: strict),
        .testTarget(name: "SwitchboardCLITests", dependencies: ["switchboard", "ChildProcess"], swiftSettings: strict),
    ]
)
