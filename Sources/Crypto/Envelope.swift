import Foundation

/// The parsed text form of a sealed value: `sb1:<keyId>:<base64url(nonce ‖ ciphertext ‖ tag)>` (see `Keyring`).
struct Envelope: Equatable {
    /// Version 1: AES-256-GCM, 12-byte nonce, 16-byte tag, header bound as additional data.
    static let version = "sb1"
    static let maximumKeyIDLength = 32

    let keyID: String
    /// `nonce ‖ ciphertext ‖ tag`, as `AESGCM.seal` returns it.
    let sealed: Data

    init(keyID: String, sealed: Data) {
        self.keyID = keyID
        self.sealed = sealed
    }

    /// Parses the text form, checking shape only; the tag is checked when the envelope is opened.
    init(parsing text: String) throws(KeyringError) {
        let fields = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw .malformedEnvelope }
        guard fields[0] == Self.version else {
            let digits = fields[0].dropFirst(2)
            let isVersion = fields[0].hasPrefix("sb") && !digits.isEmpty && digits.allSatisfy(\.isASCII)
                && digits.allSatisfy(\.isNumber)
            throw isVersion ? .unsupportedVersion : .malformedEnvelope
        }
        let keyID = String(fields[1])
        guard Self.isValidKeyID(keyID), let sealed = Base64URL.decode(String(fields[2])),
              sealed.count >= AESGCM.overheadByteCount
        else { throw .malformedEnvelope }
        self.init(keyID: keyID, sealed: sealed)
    }

    /// `sb1:<keyId>:`, which is also the start of the additional data the tag covers.
    static func header(keyID: String) -> String { "\(version):\(keyID):" }

    /// The additional authenticated data for GCM: the header's UTF-8 bytes followed by the caller's own.
    static func additionalData(keyID: String, callerData: some DataProtocol) -> [UInt8] {
        Array(header(keyID: keyID).utf8) + [UInt8](callerData)
    }

    /// The text form stored in a TEXT column.
    var text: String { Self.header(keyID: keyID) + Base64URL.encode(sealed) }

    /// Whether `id` can name a key: 1 to 32 characters from `A-Z a-z 0-9 . _ -`, so it never contains `:`.
    static func isValidKeyID(_ id: String) -> Bool {
        let characters = id.utf8
        return !characters.isEmpty && characters.count <= maximumKeyIDLength && characters.allSatisfy { character in
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
