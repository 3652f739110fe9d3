import Foundation
import JSONSchema

extension RunEnvironment {
    /// Runs a scenario's steps in order and stops at the first step that fails.
    func run(_ scenario: Scenario) async -> CaseResult {
        let clock = ContinuousClock()
        let start = clock.now
        var result = CaseResult(
            id: "scenario/" + scenario.name, kind: .scenario, surface: scenario.surface, group: "scenarios",
            name: scenario.name, endpointID: nil, expectedStatus: nil,
            tags: [scenario.surface] + scenario.tags.filter { $0 != scenario.surface },
            outcome: .passed, skipReason: nil, mismatches: [], exchanges: [], duration: .zero,
            file: scenario.file)
        if let reason = scenario.skip { return .skipped(result, reason: reason) }
        if scenario.needsMock && mockBaseURL == nil {
            return .skipped(result, reason: "the profile has no mockBaseURL")
        }
        let token = UUID().uuidString.lowercased()
        var context = TemplateContext(variables: variables)
        if let receiver { context.variables["webhookURL"] = receiver.url(for: token) }
        var outcome = StepOutcome()
        let builder = RequestBuilder(baseURL: baseURL)
        for step in scenario.steps where !outcome.stopped {
            switch step.action {
            case .request(let template):
                await perform(
                    template, builder: builder, expect: step.expect, context: &context, step: step.id, into: &outcome)
            case .wait(let spec):
                await wait(spec, expect: step.expect, context: &context, step: step.id, into: &outcome)
            case .journal(let spec):
                await journal(spec, context: &context, step: step.id, into: &outcome)
            case .webhook(let spec):
                await webhook(spec, token: token, context: &context, step: step.id, into: &outcome)
            case .resetMock:
                let reset = RequestTemplate(method: "POST", path: "{{mockBaseURL}}/_mock/reset")
                await perform(
                    reset, builder: builder, expect: Expectation(status: 204), context: &context, step: step.id,
                    into: &outcome)
            }
        }
        result.exchanges = outcome.exchanges
        result.mismatches = outcome.mismatches
        result.duration = clock.now - start
        if let reason = outcome.skipReason { return .skipped(result, reason: reason) }
        result.outcome = outcome.mismatches.isEmpty ? .passed : .failed
        return result
    }

    /// Repeats the request until the body's pointer equals the value, then applies the step's expectation.
    func wait(
        _ spec: WaitSpec, expect: Expectation?, context: inout TemplateContext, step: String,
        into outcome: inout StepOutcome
    ) async {
        let wanted: JSONValue
        do {
            wanted = try Placeholders.render(spec.equals, in: context)
        } catch {
            return outcome.fail(placeholder: error, step: step)
        }
        let deadline = ContinuousClock.now + spec.timeout
        var attempts = 0
        while true {
            var attempt = StepOutcome()
            await perform(
                spec.request, builder: RequestBuilder(baseURL: baseURL), expect: nil, context: &context, step: step,
                into: &attempt)
            attempts += 1
            guard attempt.mismatches.isEmpty, attempt.skipReason == nil, let response = attempt.last else {
                outcome.exchanges += attempt.exchanges
                outcome.mismatches += attempt.mismatches
                outcome.skipReason = attempt.skipReason
                return
            }
            let seen = response.json?.at(pointer: spec.pointer)
            let statusMatches = spec.status.map { $0 == response.status } ?? true
            if (statusMatches && seen == wanted) || ContinuousClock.now >= deadline {
                outcome.exchanges += attempt.exchanges
                outcome.last = response
                if !(statusMatches && seen == wanted) {
                    let shown = seen.map(JSONSubset.brief) ?? "nothing"
                    outcome.mismatches.append(
                        Mismatch(
                            .wait, path: spec.pointer,
                            "after \(attempts) attempts over \(spec.timeout), found \(shown) "
                                + "(status \(response.status)), "
                                + "waiting for \(JSONSubset.brief(wanted))"
                                + (spec.status.map { " with status \($0)" } ?? ""),
                            step: step))
                } else if let expect {
                    outcome.mismatches += ResponseChecker.check(response, expect, context: context, step: step)
                }
                return
            }
            try? await Task.sleep(for: spec.interval)
        }
    }
}
