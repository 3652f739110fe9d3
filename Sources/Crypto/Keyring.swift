import Foundation

/// AES-256-GCM keys by id that seal values at rest in versioned envelopes, so the master key can rotate.
///
/// **Envelope format, version 1** — one line of ASCII for a SQLite `TEXT` column:
///
///     sb1:<keyId>:<base64url(nonce ‖ ciphertext ‖ tag)>
///
/// - `sb1` names the scheme: AES-256-GCM (NIST SP 800-38D) with a random 12-byte nonce and a 16-byte tag.
///   A later scheme gets a new prefix (`sb2`), which this version reports as `unsupportedVersion`.
/// - `keyId` is 1–32 characters from `A-Z a-z 0-9 . _ -` (never `:`), naming the key that sealed the value.
/// - The payload is unpadded base64url (RFC 4648 §5) of the nonce, the ciphertext (as long as the plaintext) and
///   the tag, so an envelope is `5 + keyId.count + ⌈4 × (plaintext bytes + 28) / 3⌉` characters long.
/// - The additional data under the tag is the UTF-8 header `sb1:<keyId>:` followed by the caller's `aad`, so the
///   version and key id cannot be edited, and a row's identity passed as `aad` stops envelopes moving between rows.
///
/// Rotation: build a keyring whose current key is new and whose previous keys hold the old ones; old envelopes still
/// open, `needsReseal` finds them, and `reseal` moves them to the current key.
public struct Keyring: Sendable {
    /// The id of the key that `seal` uses.
    public let currentKeyID: String
    private let currentKey: SymmetricKey
    private let keys: [String: SymmetricKey]

    /// Makes a keyring that seals with `currentKey` and also opens envelopes sealed under `previousKeys`.
    ///
    /// - Throws: `.invalidKeyID` for an id outside the envelope grammar, `.duplicateKeyID` if `previousKeys`
    ///   also names `currentKeyID`.
    public init(
        currentKeyID: String, currentKey: SymmetricKey, previousKeys: [String: SymmetricKey] = [:]
    ) throws(KeyringError) {
        for id in [currentKeyID] + previousKeys.keys where !Envelope.isValidKeyID(id) {
            throw .invalidKeyID
        }
        guard previousKeys[currentKeyID] == nil else { throw .duplicateKeyID(currentKeyID) }
        self.currentKeyID = currentKeyID
        self.currentKey = currentKey
        self.keys = previousKeys.merging([currentKeyID: currentKey]) { _, current in current }
    }

    /// Makes a fresh random AES-256 key from OpenSSL's CSPRNG (`RAND_bytes`, NIST SP 800-90A).
    public static func generateKey() -> SymmetricKey {
        SymmetricKey.generate()
    }

    /// The ids of every key this keyring can open with, current one included, sorted.
    public var keyIDs: [String] { keys.keys.sorted() }

    /// Returns a keyring that seals with a new current key and keeps every key held now for opening.
    public func rotated(toKeyID keyID: String, key: SymmetricKey) throws(KeyringError) -> Keyring {
        guard keys[keyID] == nil else { throw .duplicateKeyID(keyID) }
        return try Keyring(currentKeyID: keyID, currentKey: key, previousKeys: keys)
    }

    /// Seals `plaintext` under the current key into an `sb1` envelope; `aad` must be given again to open it.
    public func seal(_ plaintext: some DataProtocol, aad: some DataProtocol = Data()) throws(KeyringError) -> String {
        let additionalData = Envelope.additionalData(keyID: currentKeyID, callerData: aad)
        do {
            let sealed = try AESGCM.seal(plaintext, key: currentKey, aad: additionalData)
            return Envelope(keyID: currentKeyID, sealed: sealed).text
        } catch {
            throw KeyringError(error)
        }
    }

    /// Opens an envelope sealed under any key this keyring holds, checking its tag over the header and `aad`.
    public func open(_ envelope: String, aad: some DataProtocol = Data()) throws(KeyringError) -> Data {
        let parsed = try Envelope(parsing: envelope)
        guard let key = keys[parsed.keyID] else { throw .unknownKeyID(parsed.keyID) }
        do {
            let additionalData = Envelope.additionalData(keyID: parsed.keyID, callerData: aad)
            return try AESGCM.open(parsed.sealed, key: key, aad: additionalData)
        } catch {
            throw KeyringError(error)
        }
    }

    /// Whether `envelope` is anything other than a current-version envelope under the current key.
    ///
    /// True for envelopes under older or unknown keys and for text that does not parse, so a rotation job that
    /// calls `reseal` whenever this is true surfaces damaged rows as errors instead of skipping them.
    public func needsReseal(_ envelope: String) -> Bool {
        guard let parsed = try? Envelope(parsing: envelope) else { return true }
        return parsed.keyID != currentKeyID
    }

    /// Opens `envelope` and seals its plaintext again under the current key, with the same `aad`.
    public func reseal(_ envelope: String, aad: some DataProtocol = Data()) throws(KeyringError) -> String {
        let callerData = [UInt8](aad)
        return try seal(open(envelope, aad: callerData), aad: callerData)
    }
}
