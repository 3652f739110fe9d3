import Crypto
import Foundation
import JSONSchema

extension RunEnvironment {
    /// Waits for deliveries to this scenario's webhook address, then checks their count, header fields, schema
    /// and HMAC-SHA256 signature (seed 002, "Verifying Webhook Signatures").
    func webhook(
        _ spec: WebhookSpec, token: String, context: inout TemplateContext, step: String,
        into outcome: inout StepOutcome
    ) async {
        guard let receiver else {
            outcome.mismatches.append(Mismatch(.webhook, "the webhook receiver is not running", step: step))
            return
        }
        var subset: JSONValue?
        var secret: String?
        do {
            if let wanted = spec.bodySubset { subset = try Placeholders.render(wanted, in: context) }
            if let key = spec.secret { secret = try Placeholders.render(key, in: context) }
        } catch {
            return outcome.fail(placeholder: error, step: step)
        }
        let deadline = ContinuousClock.now + spec.timeout
        var matching: [WebhookDelivery] = []
        var all: [WebhookDelivery] = []
        while true {
            all = receiver.deliveries(for: token)
            matching = all.filter { delivery in
                guard let subset else { return true }
                return (try? JSONValue(parsing: delivery.body)).map { JSONSubset.contains(subset, in: $0) } ?? false
            }
            let enough = spec.count.map { matching.count >= $0 } ?? !matching.isEmpty
            if enough || spec.count == 0 || ContinuousClock.now >= deadline { break }
            try? await Task.sleep(for: .milliseconds(50))
        }
        context.steps[step] = StepRecord(status: 0, body: ["deliveries": .array(matching.map(\.json))], text: "")
        if let count = spec.count, matching.count != count {
            outcome.mismatches.append(
                Mismatch(
                    .webhook,
                    "expected exactly \(count) matching deliveries, got \(matching.count) "
                        + "(\(all.count) in all) within \(spec.timeout)", step: step))
            return
        }
        if spec.count == nil && matching.isEmpty {
            outcome.mismatches.append(
                Mismatch(.webhook, "no matching delivery within \(spec.timeout) (\(all.count) in all)", step: step))
            return
        }
        for (index, delivery) in matching.enumerated() {
            let label = "\(step) delivery \(index)"
            outcome.mismatches += ResponseChecker.headers(delivery.headers, spec.headers, context: context, step: label)
            let json = try? JSONValue(parsing: delivery.body)
            outcome.mismatches += ResponseChecker.body(
                json, jsonError: "the delivery body is not JSON", schema: spec.schema,
                subset: nil, context: context, step: label)
            if let secret, let problem = Self.signatureProblem(delivery, secret: secret, header: spec.signatureHeader) {
                outcome.mismatches.append(Mismatch(.webhook, path: spec.signatureHeader, problem, step: label))
            }
        }
    }

    /// Nil when the signature header is the hex HMAC-SHA256 of the raw body under `secret`.
    static func signatureProblem(_ delivery: WebhookDelivery, secret: String, header: String) -> String? {
        guard let signature = delivery.headers[header] else { return "missing" }
        let expected = Hex.encode(HMACSHA256.authenticationCode(for: delivery.body, key: Data(secret.utf8)))
        let given = signature.lowercased()
        guard constantTimeEquals(Data(given.utf8), Data(expected.utf8)) else {
            return "\"\(signature)\" is not the hex HMAC-SHA256 of the body under the captured secret"
        }
        return nil
    }
}

extension WebhookDelivery {
    /// The delivery as later steps capture it: `{"method", "headers": {name: value}, "body", "raw"}`.
    var json: JSONValue {
        var headers = JSONObject()
        for field in self.headers { headers[field.name] = .string(field.value) }
        return [
            "method": .string(method), "headers": .object(headers),
            "body": (try? JSONValue(parsing: body)) ?? .null, "raw": .string(String(decoding: body, as: UTF8.self)),
        ]
    }
}
