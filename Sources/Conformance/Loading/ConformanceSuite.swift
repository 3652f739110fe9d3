import Foundation
import JSONSchema

/// Everything a run can use: the endpoint manifest, the contracts and the scenarios, loaded and checked.
public struct ConformanceSuite: Sendable {
    /// Every documented endpoint.
    public var manifest: Manifest
    /// The contracts, sorted by name.
    public var contracts: [Contract]
    /// The scenarios, sorted by name.
    public var scenarios: [Scenario]

    /// Creates a suite from parts.
    public init(manifest: Manifest, contracts: [Contract], scenarios: [Scenario] = []) {
        self.manifest = manifest
        self.contracts = contracts
        self.scenarios = scenarios
    }

    /// Loads `endpoints.json`, `schemas/*.json` and every other `*.json` under `contractsDirectory` (except
    /// `*.schema.json`), and every scenario under `scenariosDirectory`; throws every problem found at once.
    public static func load(
        contractsDirectory: String, scenariosDirectory: String? = nil
    ) throws(SuiteLoadError) -> ConformanceSuite {
        var errors: [LoadError] = []
        let contractsRoot = URL(fileURLWithPath: contractsDirectory)
        let manifestFile = contractsRoot.appendingPathComponent("endpoints.json").relativePath
        var manifest = Manifest(endpoints: [])
        do {
            let checker = try BundledSchemas.checker(BundledSchemas.manifest, name: "endpoints.schema.json")
            let document = try JSONFile.read(manifestFile)
            let problems = checker.problems(in: document, file: manifestFile)
            if problems.isEmpty { manifest = try ManifestDecoder(file: manifestFile).manifest(document) }
            errors += problems
        } catch {
            errors.append(error)
        }
        let schemas = sharedSchemas(contractsRoot, errors: &errors)
        let decoding = TemplateDecoding(schemas: schemas)
        var contracts: [Contract] = []
        if errors.isEmpty {
            contracts = loadContracts(contractsRoot, manifest: manifest, decoding: decoding, errors: &errors)
        }
        var scenarios: [Scenario] = []
        if let scenariosDirectory {
            scenarios = loadScenarios(URL(fileURLWithPath: scenariosDirectory), decoding: decoding, errors: &errors)
        }
        guard errors.isEmpty else { throw SuiteLoadError(errors) }
        return ConformanceSuite(manifest: manifest, contracts: contracts, scenarios: scenarios)
    }

    /// `schemas/*.json` by URI; each must be a usable schema on its own.
    static func sharedSchemas(_ root: URL, errors: inout [LoadError]) -> BodySchemas {
        var remotes: [String: JSONValue] = [:]
        let folder = root.appendingPathComponent("schemas")
        for name in jsonFiles(in: folder, recursive: false) {
            let file = folder.appendingPathComponent(name).relativePath
            do {
                remotes[BodySchemas.uri(forSharedFile: name)] = try JSONFile.read(file)
            } catch {
                errors.append(error)
            }
        }
        let schemas = BodySchemas(remotes: remotes)
        for (uri, document) in remotes.sorted(by: { $0.key < $1.key }) {
            do {
                _ = try JSONSchemaValidator(schema: document, options: .init(remotes: remotes))
            } catch {
                let name = String(uri.dropFirst(BundledSchemas.contractsBase.count))
                errors.append(
                    LoadError(
                        file: root.appendingPathComponent(name).relativePath, field: "",
                        message: "is not a usable JSON Schema: \(error)"))
            }
        }
        return schemas
    }

    static func loadContracts(
        _ root: URL, manifest: Manifest, decoding: TemplateDecoding,
        errors: inout [LoadError]
    ) -> [Contract] {
        let checker: DocumentChecker
        do {
            checker = try BundledSchemas.checker(BundledSchemas.contract, name: "contract.schema.json")
        } catch {
            errors.append(error)
            return []
        }
        var contracts: [Contract] = []
        for name in jsonFiles(in: root, recursive: true)
        where name != "endpoints.json" && !name.hasPrefix("schemas/") && !name.hasSuffix(".schema.json") {
            let file = root.appendingPathComponent(name).relativePath
            do {
                let document = try JSONFile.read(file)
                let problems = checker.problems(in: document, file: file)
                guard problems.isEmpty else {
                    errors += problems
                    continue
                }
                let decoder = ContractDecoder(file: file, manifest: manifest, decoding: decoding)
                contracts.append(try decoder.contract(document, name: String(name.dropLast(".json".count))))
            } catch {
                errors.append(error)
            }
        }
        return contracts
    }

    static func loadScenarios(_ root: URL, decoding: TemplateDecoding, errors: inout [LoadError]) -> [Scenario] {
        let checker: DocumentChecker
        do {
            checker = try BundledSchemas.checker(BundledSchemas.scenario, name: "scenario.schema.json")
        } catch {
            errors.append(error)
            return []
        }
        var scenarios: [Scenario] = []
        for name in jsonFiles(in: root, recursive: true) where !name.hasSuffix(".schema.json") {
            let file = root.appendingPathComponent(name).relativePath
            do throws(LoadError) {
                let document = try JSONFile.read(file)
                let problems = checker.problems(in: document, file: file)
                guard problems.isEmpty else {
                    errors += problems
                    continue
                }
                let scenario = try ScenarioDecoder(file: file, decoding: decoding).scenario(document)
                if let other = scenarios.first(where: { $0.name == scenario.name }) {
                    throw LoadError(
                        file: file, field: "/name", message: "\(other.file) is also named '\(scenario.name)'")
                }
                scenarios.append(scenario)
            } catch {
                errors.append(error)
            }
        }
        return scenarios
    }

    /// Relative paths of `*.json` files, sorted.
    static func jsonFiles(in folder: URL, recursive: Bool) -> [String] {
        let manager = FileManager.default
        let folder = folder.resolvingSymlinksInPath()
        let names: [String]
        if recursive {
            names = (manager.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        } else {
            names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        }
        return names.filter { $0.hasSuffix(".json") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
    }
}
