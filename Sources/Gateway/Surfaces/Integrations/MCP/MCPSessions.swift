import Crypto
import Synchronization

/// Streamable HTTP sessions (MCP 2025-06-18, "Session Management"): created by initialize, named by the
/// `Mcp-Session-Id` header, bound to the organization that created them, ended by DELETE.
final class MCPSessions: Sendable {
    struct Session: Sendable {
        let organizationID: String
        let protocolVersion: String
        var initialized: Bool
    }

    private let sessions = Mutex<[String: Session]>([:])

    /// A new session id (visible ASCII, cryptographically random, as the spec asks).
    func create(organizationID: String, protocolVersion: String) -> String {
        let id = SecureRandom.hexToken(bytes: 16)
        sessions.withLock { $0[id] = Session(organizationID: organizationID, protocolVersion: protocolVersion, initialized: false) }
        return id
    }

    func session(_ id: String) -> Session? { sessions.withLock { $0[id] } }

    func markInitialized(_ id: String) { sessions.withLock { $0[id]?.initialized = true } }

    @discardableResult
    func end(_ id: String) -> Bool { sessions.withLock { $0.removeValue(forKey: id) != nil } }
}
