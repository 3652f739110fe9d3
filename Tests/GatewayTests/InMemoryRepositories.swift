@testable import Gateway
import JSONSchema
import Synchronization

/// Workflows in a dictionary: a second `WorkflowRepository`, with no SQL, for the seam test.
final class InMemoryWorkflowRepository: WorkflowRepository {
    private let stored = Mutex<[String: WorkflowRecord]>([:])

    var all: [WorkflowRecord] { stored.withLock { Array($0.values) } }

    func insert(_ workflow: WorkflowRecord) async throws {
        stored.withLock { $0[workflow.id] = workflow }
    }

    func workflow(id: String, organizationID: String) async throws -> WorkflowRecord? {
        stored.withLock { $0[id] }.flatMap { $0.organizationID == organizationID ? $0 : nil }
    }

    func page(organizationID: String, limit: Int, offset: Int) async throws -> ([WorkflowRecord], total: Int) {
        let owned = all.filter { $0.organizationID == organizationID }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return (Array(owned.dropFirst(offset).prefix(limit)), owned.count)
    }

    func update(_ workflow: WorkflowRecord) async throws {
        stored.withLock { if $0[workflow.id]?.organizationID == workflow.organizationID { $0[workflow.id] = workflow } }
    }

    func delete(id: String, organizationID: String) async throws -> Bool {
        stored.withLock { rows in
            guard rows[id]?.organizationID == organizationID else { return false }
            rows[id] = nil
            return true
        }
    }
}

/// The audit log in an array, numbered as appended.
final class InMemoryAuditRepository: AuditRepository {
    private let stored = Mutex<[AuditEntry]>([])

    var all: [AuditEntry] { stored.withLock { $0 } }

    func append(at: String, actor: String, action: String, organizationID: String?, target: String?,
                detail: JSONValue) async throws {
        stored.withLock { entries in
            entries.append(AuditEntry(id: Int64(entries.count + 1), at: at, actor: actor, action: action,
                                      organizationID: organizationID, target: target, detail: detail))
        }
    }

    func entries(organizationID: String?, limit: Int) async throws -> [AuditEntry] {
        Array(all.filter { organizationID == nil || $0.organizationID == organizationID }.reversed().prefix(limit))
    }
}

/// Sealed credentials in an array, in creation order.
final class InMemoryCredentialRepository: CredentialRepository {
    private let stored = Mutex<[SealedCredential]>([])

    var all: [SealedCredential] { stored.withLock { $0 } }

    func insert(_ credential: SealedCredential) async throws {
        stored.withLock { $0.append(credential) }
    }

    func credentials(organizationID: String?, scope: CredentialScope) async throws -> [SealedCredential] {
        all.filter { $0.organizationID == organizationID && $0.scope == scope }
    }

    func credential(id: String, organizationID: String?) async throws -> SealedCredential? {
        all.first { $0.id == id && $0.organizationID == organizationID }
    }

    func delete(id: String, organizationID: String?) async throws -> Bool {
        stored.withLock { credentials in
            let before = credentials.count
            credentials.removeAll { $0.id == id && $0.organizationID == organizationID }
            return credentials.count < before
        }
    }
}
