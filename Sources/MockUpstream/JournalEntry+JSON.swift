import Foundation
import JSONSchema

extension JournalEntry {
    /// The entry in the admin API's fixed shape (README, "Journal").
    var jsonValue: JSONValue {
        var headerObject = JSONObject()
        for field in headers {
            if case .string(let earlier)? = headerObject[field.name] {
                headerObject[field.name] = .string(earlier + ", " + field.value)
            } else {
                headerObject[field.name] = .string(field.value)
            }
        }
        var formValue: JSONValue = .null
        if let fields = form {
            var object = JSONObject()
            for (name, value) in fields {
                switch object[name] {
                case .string(let first)?: object[name] = .array([.string(first), .string(value)])
                case .array(var list)?:
                    list.append(.string(value))
                    object[name] = .array(list)
                default: object[name] = .string(value)
                }
            }
            formValue = .object(object)
        }
        return .object(JSONObject([
            ("id", .number(id)),
            ("receivedAt", .string(Self.timestamp(receivedAt))),
            ("provider", provider.map { .string($0.rawValue) } ?? .null),
            ("method", .string(method.rawValue)),
            ("path", .string(path)),
            ("query", query.map(JSONValue.string) ?? .null),
            ("headers", .object(headerObject)),
            ("body", json ?? .null),
            ("form", formValue),
            ("bodyBase64", .string(Data(body).base64EncodedString())),
            ("recording", recording.map(JSONValue.string) ?? .null),
            ("status", .number(status)),
        ]))
    }

    /// ISO 8601 with milliseconds in UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
