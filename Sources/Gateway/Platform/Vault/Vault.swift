import Crypto
import Foundation
import JSONSchema
import Store
import Synchronization

/// Credentials sealed with AES-256-GCM at rest (the envelope names its key id, so the master key can rotate).
///
/// The additional authenticated data of each envelope is the credential's row id, so a sealed value copied
/// into another row does not open.
public final class Vault: Sendable {
    private let keyring: Mutex<Keyring>
    private let database: Database

    public init(database: Database, keyring: Keyring) {
        self.database = database
        self.keyring = Mutex(keyring)
    }

    /// Seals a JSON object of secrets for the row `id`.
    public func seal(_ secrets: JSONValue, for id: String) throws -> String {
        try keyring.withLock { try $0.seal(Array(secrets.serialized().utf8), aad: Array(id.utf8)) }
    }

    /// Opens what `seal` produced for the same row id.
    public func open(_ envelope: String, for id: String) throws -> JSONValue {
        let plaintext = try keyring.withLock { try $0.open(envelope, aad: Array(id.utf8)) }
        return try JSONValue(parsing: plaintext)
    }

    /// Seals arbitrary bytes under a settings name (the JWT signing key, say).
    public func sealSetting(_ bytes: [UInt8], name: String) throws -> String {
        try keyring.withLock { try $0.seal(bytes, aad: Array("setting:\(name)".utf8)) }
    }

    /// Opens a sealed setting.
    public func openSetting(_ envelope: String, name: String) throws -> [UInt8] {
        try Array(keyring.withLock { try $0.open(envelope, aad: Array("setting:\(name)".utf8)) })
    }

    /// Re-seals every row sealed under an older key with the current one; returns how many changed.
    public func resealAll() async throws -> Int {
        let ring = keyring.withLock { $0 }
        return try await database.transaction { connection in
            var changed = 0
            for row in try connection.query("SELECT id, sealed_data FROM credentials") {
                let id = try row.require("id", as: String.self)
                let sealed = try row.require("sealed_data", as: String.self)
                guard ring.needsReseal(sealed) else { continue }
                let fresh = try ring.reseal(sealed, aad: Array(id.utf8))
                changed += try connection.execute("UPDATE credentials SET sealed_data = ? WHERE id = ?", [.text(fresh), .text(id)])
            }
            for row in try connection.query("SELECT name, value FROM settings WHERE value LIKE 'sb1:%'") {
                let name = try row.require("name", as: String.self)
                let sealed = try row.require("value", as: String.self)
                guard ring.needsReseal(sealed) else { continue }
                let fresh = try ring.reseal(sealed, aad: Array("setting:\(name)".utf8))
                changed += try connection.execute("UPDATE settings SET value = ? WHERE name = ?", [.text(fresh), .text(name)])
            }
            return changed
        }
    }
}
