import Crypto
import Foundation
import JSONSchema
import Synchronization

/// Credentials sealed with AES-256-GCM at rest (the envelope names its key id, so the master key can rotate).
///
/// The additional authenticated data of each envelope is the credential's row id, so a sealed value copied
/// into another row does not open.
public final class Vault: Sendable {
    private let keyring: Mutex<Keyring>
    private let sealedValues: any SealedValueRepository

    public init(keyring: Keyring, sealedValues: any SealedValueRepository) {
        self.sealedValues = sealedValues
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
        return try await sealedValues.resealAll { sealed, owner in
            guard ring.needsReseal(sealed) else { return nil }
            switch owner {
            case .credential(let id), .value(let id): return try ring.reseal(sealed, aad: Array(id.utf8))
            case .setting(let name): return try ring.reseal(sealed, aad: Array("setting:\(name)".utf8))
            }
        }
    }
}
