import Foundation
import JSONSchema

/// Decodes the parts contracts and scenarios share: requests, header rules and expectations.
struct TemplateDecoding {
    let schemas: BodySchemas

    /// A request; `caseRequest` allows `pathParams` and needs neither method nor path.
    func request(_ reader: FieldReader, caseRequest: Bool) throws(LoadError) -> RequestTemplate {
        var template = RequestTemplate(method: try reader.string("method"), path: try reader.string("path"))
        if caseRequest {
            template.pathParameters = Dictionary(
                try reader.stringPairs("pathParams").map { ($0.name, $0.value) },
                uniquingKeysWith: { _, last in last })
        } else if template.method == nil || template.path == nil {
            throw reader.error(nil, "a request needs a method and a path")
        }
        template.headers = try headers(reader, "headers")
        template.query = try query(reader)
        template.contentType = try reader.string("contentType")
        let bodies = ["json", "raw", "form"].filter { reader.value($0) != nil }
        guard bodies.count <= 1 else {
            throw reader.error(nil, "a request has one body: \(bodies.joined(separator: " and ")) are both set")
        }
        if let json = reader.value("json") {
            template.body = .json(json)
        } else if let raw = try reader.string("raw") {
            template.body = .raw(raw)
        } else if reader.value("form") != nil {
            template.body = .form(try reader.stringPairs("form"))
        }
        return template
    }

    /// Header fields to send (a null value removes a default).
    func headers(_ reader: FieldReader, _ key: String) throws(LoadError) -> [HeaderTemplate] {
        guard let fields = try reader.object(key) else { return [] }
        var result: [HeaderTemplate] = []
        for (name, value) in fields.members {
            switch value {
            case .string(let text): result.append(HeaderTemplate(name: name, value: text))
            case .null: result.append(HeaderTemplate(name: name, value: nil))
            default: throw fields.error(name, "must be a string or null")
            }
        }
        return result
    }

    /// Query parameters; an array repeats the name.
    func query(_ reader: FieldReader) throws(LoadError) -> [FormField] {
        guard let fields = try reader.object("query") else { return [] }
        var result: [FormField] = []
        for (name, value) in fields.members {
            switch value {
            case .string(let text):
                result.append(FormField(name, text))
            case .array(let elements):
                for element in elements {
                    guard let text = element.stringValue else { throw fields.error(name, "must hold strings") }
                    result.append(FormField(name, text))
                }
            default:
                throw fields.error(name, "must be a string or an array of strings")
            }
        }
        return result
    }

    /// Header rules; a regular expression that does not compile is an error at its field.
    func headerRules(_ reader: FieldReader, _ key: String) throws(LoadError) -> [HeaderExpectation] {
        guard let fields = try reader.object(key) else { return [] }
        var result: [HeaderExpectation] = []
        for (name, value) in fields.members {
            if let text = value.stringValue {
                result.append(HeaderExpectation(name: name, rule: .equals(text)))
                continue
            }
            let rule = try FieldReader(value, file: reader.file, pointer: fields.field(name))
            if let equals = try rule.string("equals") {
                result.append(HeaderExpectation(name: name, rule: .equals(equals)))
            } else if let pattern = try rule.string("regex") {
                guard (try? NSRegularExpression(pattern: pattern)) != nil else {
                    throw rule.error("regex", "is not a valid regular expression")
                }
                result.append(HeaderExpectation(name: name, rule: .regex(pattern)))
            } else if let present = try rule.bool("present") {
                result.append(HeaderExpectation(name: name, rule: .present(present)))
            } else {
                throw rule.error(nil, "needs one of equals, regex or present")
            }
        }
        return result
    }

    /// A wait: `request` sent again until `until` holds (a scenario's wait step, or a setup step with `until`).
    func wait(_ reader: FieldReader) throws(LoadError) -> WaitSpec {
        guard let until = try reader.object("until") else { throw reader.error(nil, "must have required property 'until'") }
        guard let request = try reader.object("request") else { throw reader.error(nil, "must have required property 'request'") }
        guard let equals = until.value("equals") else { throw until.error(nil, "must have required property 'equals'") }
        let pointer = try until.requiredString("pointer")
        guard JSONPointer(pointer) != nil else { throw until.error("pointer", "is not a JSON Pointer") }
        return WaitSpec(
            request: try self.request(request, caseRequest: false),
            pointer: pointer, equals: equals, status: try until.integer("status"),
            timeout: try reader.seconds("timeoutSeconds") ?? .seconds(10),
            interval: .milliseconds(try reader.integer("intervalMilliseconds") ?? 250))
    }

    /// An expectation; its schema is compiled here, so a broken one fails at load time.
    func expectation(_ reader: FieldReader) throws(LoadError) -> Expectation {
        let statuses = try reader.integers("status")
        return Expectation(
            status: statuses?.first, alternativeStatuses: Array((statuses ?? []).dropFirst()),
            headers: try headerRules(reader, "headers"), schema: try schema(reader, "schema"),
            bodySubset: reader.value("bodySubset"))
    }

    /// A compiled body schema, if the member is present.
    func schema(_ reader: FieldReader, _ key: String) throws(LoadError) -> JSONSchemaValidator? {
        guard let schema = reader.value(key) else { return nil }
        do {
            return try schemas.compile(schema)
        } catch {
            throw reader.error(key, "is not a usable JSON Schema: " + BodySchemas.unwrapped(error.description))
        }
    }
}
