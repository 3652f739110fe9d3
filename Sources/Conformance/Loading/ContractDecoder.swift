import JSONSchema

/// Turns one contract document (already checked against its schema) into a `Contract`, checking what a
/// schema cannot: the endpoint is in the manifest, names are unique, path parameters exist.
struct ContractDecoder {
    let file: String
    let manifest: Manifest
    let decoding: TemplateDecoding

    func contract(_ document: JSONValue, name: String) throws(LoadError) -> Contract {
        let root = try FieldReader(document, file: file, pointer: "")
        guard let endpointReader = try root.object("endpoint") else {
            throw root.error(nil, "must have required property 'endpoint'")
        }
        let endpoint = try self.endpoint(endpointReader)
        let surface = manifest.endpoint(method: endpoint.method, path: endpoint.path)?.surface ?? ""
        var contract = Contract(
            name: name, file: file, endpoint: endpoint, surface: surface, tags: try root.strings("tags"),
            cases: [])
        if let defaults = try root.object("defaults") {
            contract.defaultHeaders = try decoding.headers(defaults, "headers")
            contract.defaultQuery = try decoding.query(defaults)
        }
        var names: Set<String> = []
        for (pointer, value) in try root.array("cases") ?? [] {
            let reader = try FieldReader(value, file: file, pointer: pointer)
            let item = try contractCase(reader, endpoint: endpoint)
            guard names.insert(item.name).inserted else {
                throw reader.error("name", "another case is named '\(item.name)'")
            }
            contract.cases.append(item)
        }
        return contract
    }

    private func endpoint(_ reader: FieldReader) throws(LoadError) -> EndpointReference {
        let method = try reader.requiredString("method")
        let path = try reader.requiredString("path")
        let reference = EndpointReference(
            method: method, path: path, aliases: try reader.strings("aliases"),
            seed: try reader.requiredString("seed"), section: try reader.requiredString("section"))
        guard let listed = manifest.endpoint(method: method, path: path) else {
            throw reader.error("path", "\(method) \(path) is not listed in endpoints.json")
        }
        guard listed.seed == reference.seed else {
            throw reader.error(
                "seed", "endpoints.json lists \(method) \(path) under seed \(listed.seed), not \(reference.seed)")
        }
        for (index, alias) in reference.aliases.enumerated() {
            guard let aliased = manifest.endpoint(method: method, path: alias) else {
                throw reader.error("aliases", "\(method) \(alias) (alias \(index)) is not listed in endpoints.json")
            }
            guard aliased.surface == listed.surface else {
                throw reader.error(
                    "aliases", "\(method) \(alias) belongs to surface \(aliased.surface), not \(listed.surface)")
            }
        }
        return reference
    }

    private func contractCase(_ reader: FieldReader, endpoint: EndpointReference) throws(LoadError) -> ContractCase {
        var item = ContractCase(name: try reader.requiredString("name"), expect: Expectation())
        item.tags = try reader.strings("tags")
        item.concurrent = try reader.bool("concurrent") ?? true
        item.skip = try reader.string("skip")
        item.setup = try setupSteps(reader)
        if let request = try reader.object("request") {
            item.request = try decoding.request(request, caseRequest: true)
            if item.request.path == nil {
                let parameters = PathTemplate.parameters(in: ([endpoint.path] + endpoint.aliases).joined())
                for name in item.request.pathParameters.keys.sorted() where !parameters.contains(name) {
                    throw request.error("pathParams", "'\(name)' is not a {parameter} of \(endpoint.path)")
                }
            }
        }
        guard let expect = try reader.object("expect") else {
            throw reader.error(nil, "must have required property 'expect'")
        }
        item.expect = try decoding.expectation(expect)
        guard item.expect.status != nil else { throw expect.error(nil, "must have required property 'status'") }
        return item
    }

    private func setupSteps(_ reader: FieldReader) throws(LoadError) -> [SetupStep] {
        var steps: [SetupStep] = []
        for (pointer, value) in try reader.array("setup") ?? [] {
            let step = try FieldReader(value, file: file, pointer: pointer)
            let id = try step.requiredString("id")
            guard !steps.contains(where: { $0.id == id }) else {
                throw step.error("id", "another setup step is '\(id)'")
            }
            guard let request = try step.object("request") else {
                throw step.error(nil, "must have required property 'request'")
            }
            var expect: Expectation?
            if let expectReader = try step.object("expect") { expect = try decoding.expectation(expectReader) }
            let wait = step.value("until") == nil ? nil : try decoding.wait(step)
            steps.append(SetupStep(id: id, request: try decoding.request(request, caseRequest: false), expect: expect,
                                   wait: wait))
        }
        return steps
    }
}
