import HTTPCore
import JSONSchema

extension RunEnvironment {
    /// Asks the mock upstream's journal for the provider's calls until enough match or the timeout passes.
    func journal(
        _ template: JournalSpec, context: inout TemplateContext, step: String, into outcome: inout StepOutcome
    ) async {
        let spec: JournalSpec
        do {
            spec = try template.rendered(in: context)
        } catch {
            return outcome.fail(placeholder: error, step: step)
        }
        var query = [FormField("provider", spec.provider)]
        if let method = spec.method { query.append(FormField("method", method)) }
        if let path = spec.path { query.append(FormField("path", path)) }
        let request = RequestTemplate(method: "GET", path: "{{mockBaseURL}}/_mock/journal", query: query)
        let wanted = JournalFilter(spec: spec)
        let deadline = ContinuousClock.now + spec.timeout
        var scratch = context
        while true {
            var attempt = StepOutcome()
            await perform(
                request, builder: RequestBuilder(baseURL: baseURL), expect: Expectation(status: 200),
                context: &scratch, step: step, into: &attempt)
            guard attempt.mismatches.isEmpty, attempt.skipReason == nil, let response = attempt.last else {
                outcome.exchanges += attempt.exchanges
                outcome.mismatches += attempt.mismatches
                outcome.skipReason = attempt.skipReason
                return
            }
            guard let entries = response.json?["entries"]?.arrayValue else {
                outcome.exchanges += attempt.exchanges
                outcome.mismatches.append(
                    Mismatch(.journal, "the journal answered without an entries array", step: step))
                return
            }
            let matching = entries.filter(wanted.matches)
            let enough = spec.count.map { matching.count >= $0 } ?? !matching.isEmpty
            if enough || spec.count == 0 || ContinuousClock.now >= deadline {
                outcome.exchanges += attempt.exchanges
                context.steps[step] = StepRecord(
                    status: response.status, headers: response.headers,
                    body: ["entries": .array(matching)], text: "")
                if let problem = wanted.verdict(matching: matching, all: entries) {
                    outcome.mismatches.append(Mismatch(.journal, problem, step: step))
                }
                return
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}

/// Which journal entries a journal step keeps, and what it says when the count is wrong.
struct JournalFilter {
    /// The step's spec with its placeholders filled in.
    let spec: JournalSpec

    func matches(_ entry: JSONValue) -> Bool { problems(entry).isEmpty }

    /// Why an entry is not kept.
    func problems(_ entry: JSONValue) -> [String] {
        var problems: [String] = []
        if let body = spec.bodySubset {
            let actual = entry["body"] ?? .null
            problems += JSONSubset.differences(body, in: actual, limit: 3).map {
                "body at \($0.path.isEmpty ? "(root)" : $0.path): \($0.message)"
            }
        }
        for field in spec.formSubset where entry["form"]?[field.name]?.stringValue != field.value {
            let actual = entry["form"]?[field.name].map(JSONSubset.brief) ?? "missing"
            problems.append("form field \(field.name) is \(actual), expected \"\(field.value)\"")
        }
        let query = FormURLEncoding.decode(entry["query"]?.stringValue ?? "")
        for field in spec.querySubset where !query.contains(where: { $0.name == field.name && $0.value == field.value })
        {
            problems.append("query has no \(field.name)=\(field.value)")
        }
        return problems
    }

    /// Nil when the number of matching entries is right; otherwise what was found, with the nearest miss.
    func verdict(matching: [JSONValue], all: [JSONValue]) -> String? {
        let target = "\(spec.provider) \(spec.method ?? "*") \(spec.path ?? "*")"
        if let count = spec.count, matching.count != count {
            return
                "expected exactly \(count) matching call\(count == 1 ? "" : "s") to \(target), found \(matching.count) "
                + "(of \(all.count) for the route)"
        }
        guard matching.isEmpty, spec.count == nil else { return nil }
        guard let nearest = all.min(by: { problems($0).count < problems($1).count }) else {
            return "expected a call to \(target), the journal has none"
        }
        let id = nearest["id"].map(JSONSubset.brief) ?? "?"
        return "expected a matching call to \(target); \(all.count) call(s) did not match, nearest (entry \(id)): "
            + problems(nearest).joined(separator: "; ")
    }
}

extension JournalSpec {
    /// The spec with placeholders filled in: method, path, body subset, form and query values.
    func rendered(in context: TemplateContext) throws(PlaceholderError) -> JournalSpec {
        var spec = self
        spec.method = try method.map { text throws(PlaceholderError) in try Placeholders.render(text, in: context) }
        spec.path = try path.map { text throws(PlaceholderError) in try Placeholders.render(text, in: context) }
        spec.bodySubset = try bodySubset.map { value throws(PlaceholderError) in try Placeholders.render(value, in: context) }
        spec.formSubset = try formSubset.map { field throws(PlaceholderError) in
            FormField(field.name, try Placeholders.render(field.value, in: context))
        }
        spec.querySubset = try querySubset.map { field throws(PlaceholderError) in
            FormField(field.name, try Placeholders.render(field.value, in: context))
        }
        return spec
    }
}
