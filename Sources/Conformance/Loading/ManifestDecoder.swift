import JSONSchema

/// Turns `endpoints.json` (already checked against its schema) into a `Manifest`; ids and method-and-path
/// pairs must be unique.
struct ManifestDecoder {
    let file: String

    func manifest(_ document: JSONValue) throws(LoadError) -> Manifest {
        let root = try FieldReader(document, file: file, pointer: "")
        var endpoints: [ManifestEndpoint] = []
        var ids: Set<String> = []
        var routes: Set<String> = []
        for (pointer, value) in try root.array("endpoints") ?? [] {
            let reader = try FieldReader(value, file: file, pointer: pointer)
            var statuses: [Int] = []
            for (statusPointer, status) in try reader.array("statuses") ?? [] {
                guard let code = status.intValue else {
                    throw LoadError(file: file, field: statusPointer, message: "must be an integer")
                }
                statuses.append(code)
            }
            let endpoint = ManifestEndpoint(
                id: try reader.requiredString("id"), method: try reader.requiredString("method"),
                path: try reader.requiredString("path"), seed: try reader.requiredString("seed"),
                section: try reader.requiredString("section"), surface: try reader.requiredString("surface"),
                statuses: statuses, notes: try reader.string("notes"))
            guard ids.insert(endpoint.id).inserted else {
                throw reader.error("id", "another endpoint has id '\(endpoint.id)'")
            }
            guard routes.insert(endpoint.label).inserted else {
                throw reader.error("path", "\(endpoint.label) is listed twice")
            }
            endpoints.append(endpoint)
        }
        return Manifest(endpoints: endpoints)
    }
}
