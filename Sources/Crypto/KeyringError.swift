/// Why a keyring could not be built or an envelope could not be sealed or opened; never carries key material.
public enum KeyringError: Error, Equatable, Sendable {
    /// A key id is empty, longer than 32 characters, or uses characters outside `A-Z a-z 0-9 . _ -`.
    case invalidKeyID
    /// The same key id was given twice.
    case duplicateKeyID(String)
    /// The text is not `sb1:<keyId>:<base64url>` with a well-formed key id and at least a nonce and a tag.
    case malformedEnvelope
    /// The envelope names a format version this build does not know (`sb2:…`).
    case unsupportedVersion
    /// The envelope was sealed under a key id this keyring does not hold.
    case unknownKeyID(String)
    /// The tag did not verify: wrong key or additional data, or a changed envelope (NIST SP 800-38D §7.2).
    case authenticationFailed
    /// An OpenSSL EVP call failed for a reason unrelated to the input.
    case backendFailure

    init(_ error: AESGCMError) {
        switch error {
        case .truncated: self = .malformedEnvelope
        case .authenticationFailed: self = .authenticationFailed
        case .backendFailure: self = .backendFailure
        }
    }
}
