import HTTPCore

/// A mutable trie node used while building.
final class RouteNode {
    var literals: [String: RouteNode] = [:]
    var parameter: (name: String, node: RouteNode)?
    var handlers: [HTTPMethod: any HTTPResponder] = [:]

    func insert(_ route: RouterBuilder.Route) {
        var node = self
        for segment in route.template.segments {
            switch segment {
            case .literal(let text):
                if node.literals[text] == nil { node.literals[text] = RouteNode() }
                node = node.literals[text]!
            case .parameter(let name):
                if node.parameter == nil { node.parameter = (name, RouteNode()) }
                node = node.parameter!.node
            }
        }
        node.handlers[route.method] = route.responder
    }

    func frozen() -> FrozenRouteNode {
        FrozenRouteNode(literals: literals.mapValues { $0.frozen() },
                        parameterName: parameter?.name,
                        parameterNode: parameter.map { [$0.node.frozen()] } ?? [],
                        handlers: handlers)
    }
}

/// An immutable trie node; literal segments win over parameters, with backtracking.
struct FrozenRouteNode: Sendable {
    let literals: [String: FrozenRouteNode]
    let parameterName: String?
    /// Zero or one node (an array, because a struct cannot hold itself directly).
    let parameterNode: [FrozenRouteNode]
    let handlers: [HTTPMethod: any HTTPResponder]

    /// The node a path reaches that has handlers, collecting parameter values on the way.
    func match(_ segments: ArraySlice<String>, captured: inout [(String, String)]) -> FrozenRouteNode? {
        guard let first = segments.first else { return handlers.isEmpty ? nil : self }
        let rest = segments.dropFirst()
        if let literal = literals[first], let found = literal.match(rest, captured: &captured) { return found }
        if let name = parameterName, let child = parameterNode.first, !first.isEmpty {
            captured.append((name, first))
            if let found = child.match(rest, captured: &captured) { return found }
            captured.removeLast()
        }
        return nil
    }
}
