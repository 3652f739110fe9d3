import Crypto
import Foundation
import JSONSchema

/// Where the vault's master keys come from, and how they are written when generated or rotated.
///
/// A key file is JSON: `{"current": "k1a2b3c4", "keys": {"k1a2b3c4": "<base64 key>", …}}`; older keys stay
/// listed until every row is re-sealed. `SWITCHBOARD_MASTER_KEY` (one base64 or hex key) takes precedence and
/// is never written anywhere. Without either, a file beside the database is generated on first start.
public enum MasterKeySource: Sendable, Equatable {
    /// A single key given directly (from the environment).
    case inline(String)
    /// A key file, created with mode 0600 if absent.
    case file(String)
    /// A fresh key held only in memory (for `:memory:` databases and tests).
    case ephemeral

    /// The keyring this source describes, generating and saving one if the file does not exist yet.
    public func loadKeyring() throws -> Keyring {
        switch self {
        case .inline(let text):
            let key = try SymmetricKey(encoded: text)
            return try Keyring(currentKeyID: Self.keyID(for: key), currentKey: key)
        case .ephemeral:
            let key = Keyring.generateKey()
            return try Keyring(currentKeyID: Self.keyID(for: key), currentKey: key)
        case .file(let path):
            if !FileManager.default.fileExists(atPath: path) {
                let key = Keyring.generateKey()
                try Self.write(current: Self.keyID(for: key), keys: [Self.keyID(for: key): key], to: path)
            }
            return try Self.read(path)
        }
    }

    /// A key id derived from the key (not secret: 8 hex digits of its SHA-256, prefixed with `k`).
    static func keyID(for key: SymmetricKey) -> String {
        "k" + Hex.encode(SHA256.hash(Data(base64Encoded: key.base64EncodedString()) ?? Data()).prefix(4))
    }

    static func read(_ path: String) throws -> Keyring {
        let value = try JSONValueFile.read(path)
        guard let current = value["current"]?.stringValue, let keys = value["keys"]?.objectValue else {
            throw PlatformError.invalid("master key file \(path) needs \"current\" and \"keys\"")
        }
        var decoded: [String: SymmetricKey] = [:]
        for (id, text) in keys {
            guard let text = text.stringValue else { throw PlatformError.invalid("master key \(id) is not a string") }
            decoded[id] = try SymmetricKey(encoded: text)
        }
        guard let currentKey = decoded.removeValue(forKey: current) else {
            throw PlatformError.invalid("master key file \(path) does not hold its current key \(current)")
        }
        return try Keyring(currentKeyID: current, currentKey: currentKey, previousKeys: decoded)
    }

    /// Writes a key file atomically with mode 0600.
    static func write(current: String, keys: [String: SymmetricKey], to path: String) throws {
        var object = JSONObject()
        for (id, key) in keys.sorted(by: { $0.key < $1.key }) { object[id] = .string(key.base64EncodedString()) }
        let text = JSONValue.object(["current": .string(current), "keys": .object(object)]).serialized(pretty: true)
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw PlatformError.invalid("cannot write master key file \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            throw PlatformError.invalid("cannot move master key file into place at \(path) (errno \(errno))")
        }
    }
}
