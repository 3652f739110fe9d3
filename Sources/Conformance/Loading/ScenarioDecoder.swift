import JSONSchema

/// Turns one scenario document (already checked against its schema) into a `Scenario`.
struct ScenarioDecoder {
    let file: String
    let decoding: TemplateDecoding

    static let actions = ["request", "wait", "journal", "webhook", "resetMock"]

    func scenario(_ document: JSONValue) throws(LoadError) -> Scenario {
        let root = try FieldReader(document, file: file, pointer: "")
        var scenario = Scenario(
            name: try root.requiredString("name"), file: file, surface: try root.string("surface") ?? "scenarios",
            tags: try root.strings("tags"), concurrent: try root.bool("concurrent") ?? false,
            skip: try root.string("skip"), steps: [])
        for (pointer, value) in try root.array("steps") ?? [] {
            let reader = try FieldReader(value, file: file, pointer: pointer)
            let step = try self.step(reader)
            guard !scenario.steps.contains(where: { $0.id == step.id }) else {
                throw reader.error("id", "another step is '\(step.id)'")
            }
            scenario.steps.append(step)
        }
        return scenario
    }

    private func step(_ reader: FieldReader) throws(LoadError) -> ScenarioStep {
        let present = Self.actions.filter { reader.value($0) != nil }
        guard present.count == 1 else {
            throw reader.error(
                nil,
                present.isEmpty
                    ? "a step needs one of request, wait, journal, webhook or resetMock"
                    : "a step does one thing: \(present.joined(separator: " and ")) are both set")
        }
        let action: ScenarioAction
        switch present[0] {
        case "request":
            action = .request(try decoding.request(try required(reader, "request"), caseRequest: false))
        case "wait":
            action = .wait(try decoding.wait(try required(reader, "wait")))
        case "journal":
            action = .journal(try journal(try required(reader, "journal")))
        case "webhook":
            action = .webhook(try webhook(try required(reader, "webhook")))
        default:
            action = .resetMock
        }
        var expect: Expectation?
        if let expectReader = try reader.object("expect") {
            guard ["request", "wait"].contains(present[0]) else {
                throw reader.error("expect", "only request and wait steps have a response to expect things of")
            }
            expect = try decoding.expectation(expectReader)
        }
        return ScenarioStep(id: try reader.requiredString("id"), action: action, expect: expect)
    }

    private func required(_ reader: FieldReader, _ key: String) throws(LoadError) -> FieldReader {
        guard let member = try reader.object(key) else {
            throw reader.error(nil, "must have required property '\(key)'")
        }
        return member
    }

    private func journal(_ reader: FieldReader) throws(LoadError) -> JournalSpec {
        JournalSpec(
            provider: try reader.requiredString("provider"), method: try reader.string("method"),
            path: try reader.string("path"), count: try reader.integer("count"), bodySubset: reader.value("bodySubset"),
            formSubset: try reader.stringPairs("formSubset"), querySubset: try reader.stringPairs("querySubset"),
            timeout: try reader.seconds("timeoutSeconds") ?? .seconds(5))
    }

    private func webhook(_ reader: FieldReader) throws(LoadError) -> WebhookSpec {
        WebhookSpec(
            count: try reader.integer("count"), bodySubset: reader.value("bodySubset"),
            headers: try decoding.headerRules(reader, "headers"), schema: try decoding.schema(reader, "schema"),
            secret: try reader.string("secret"),
            signatureHeader: try reader.string("signatureHeader") ?? "X-Webhook-Signature",
            timeout: try reader.seconds("timeoutSeconds") ?? .seconds(10))
    }
}
