import Crypto
import JSONSchema

/// Rotates the master key in a key file: a new current key is added, every sealed row is re-sealed under it,
/// and the old keys are dropped once nothing needs them.
public enum MasterKeyRotation {
    /// Rotates and returns how many sealed values were re-sealed.
    public static func rotate(keyFile: String, databasePath: String) async throws -> Int {
        _ = try MasterKeySource.read(keyFile)  // refuse a malformed file before changing anything
        let fresh = Keyring.generateKey()
        let freshID = MasterKeySource.keyID(for: fresh)
        var keys = try oldKeys(keyFile)
        keys[freshID] = fresh
        try MasterKeySource.write(current: freshID, keys: keys, to: keyFile)
        let platform = try await Platform.open(Platform.Options(databasePath: databasePath, masterKey: .file(keyFile)))
        let changed = try await platform.vault.resealAll()
        try MasterKeySource.write(current: freshID, keys: [freshID: fresh], to: keyFile)
        return changed
    }

    private static func oldKeys(_ keyFile: String) throws -> [String: SymmetricKey] {
        let value = try JSONValueFile.read(keyFile)
        var keys: [String: SymmetricKey] = [:]
        for (id, text) in value["keys"]?.objectValue ?? [:] {
            if let text = text.stringValue { keys[id] = try SymmetricKey(encoded: text) }
        }
        return keys
    }
}
