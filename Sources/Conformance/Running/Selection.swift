import Foundation

/// Which endpoints, cases and scenarios a run covers: `--only` terms separated by commas. A term selects
/// what it names: a surface (`ai-proxy`), a seed (`000`), an endpoint id (`000.list-services`), a tag (`error`),
/// a contract or case (`ai-proxy/list-services`, `ai-proxy/list-services/lists the services`) or a scenario
/// name; `*` matches any run of characters, so `000.*` is every seed 000 endpoint.
public struct Selection: Sendable, CustomStringConvertible {
    /// The terms; empty selects everything.
    public let terms: [String]

    /// Everything.
    public static let all = Selection(nil)

    /// Parses a comma-separated list; nil or blank selects everything.
    public init(_ pattern: String?) {
        terms = (pattern ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// The terms as given, or `everything`.
    public var description: String { terms.isEmpty ? "everything" : terms.joined(separator: ",") }

    /// Whether the endpoint is selected (its coverage then counts).
    public func selects(_ endpoint: ManifestEndpoint) -> Bool {
        terms.isEmpty
            || terms.contains {
                Glob.matches($0, endpoint.surface) || Glob.matches($0, endpoint.seed)
                    || Glob.matches($0, endpoint.id)
            }
    }

    /// Whether a case runs: its endpoint is selected, or a term names one of its tags, its contract or itself.
    public func selects(_ item: ContractCase, of contract: Contract, at endpoint: ManifestEndpoint) -> Bool {
        if selects(endpoint) { return true }
        return terms.contains { term in
            (contract.tags + item.tags).contains { Glob.matches(term, $0) } || Glob.matches(term, contract.name)
                || Glob.matches(term, contract.name + "/" + item.name)
        }
    }

    /// Whether a scenario runs: a term names its surface, one of its tags, or it.
    public func selects(_ scenario: Scenario) -> Bool {
        terms.isEmpty
            || terms.contains { term in
                Glob.matches(term, scenario.surface) || Glob.matches(term, scenario.name)
                    || scenario.tags.contains { Glob.matches(term, $0) }
            }
    }
}

/// `*` wildcards (any run of characters); everything else matches itself.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard pattern.contains("*") else { return pattern == text }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        let last = parts[parts.count - 1]
        return parts.count == 1 || (rest.hasSuffix(last) && rest.count >= last.count)
    }
}
