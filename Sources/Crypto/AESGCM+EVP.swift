internal import COpenSSL

/// The OpenSSL EVP calls behind `AESGCM`, taking a nonce of any length so the spec's 8- and 60-byte IV vectors run.
extension AESGCM {
    /// The largest slice handed to one `EVP_*Update` call, whose length parameter is a C `int`.
    private static let chunkByteCount = 1 << 30

    /// Encrypts with an explicit nonce (SP 800-38D §7.1); only `seal` and known-answer tests call this.
    static func encrypt(
        _ plaintext: [UInt8], key: SymmetricKey, nonce: [UInt8], aad: [UInt8]
    ) throws(AESGCMError) -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard let context = EVP_CIPHER_CTX_new() else { throw .backendFailure }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonce.count), nil) == 1,
              EVP_EncryptInit_ex(context, nil, nil, key.secret.bytes, nonce) == 1,
              update(context, input: aad, output: nil, using: EVP_EncryptUpdate)
        else { throw .backendFailure }

        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        var scratch = [UInt8](repeating: 0, count: tagByteCount)
        var finalLength: Int32 = 0
        guard update(context, input: plaintext, output: &ciphertext, using: EVP_EncryptUpdate),
              EVP_EncryptFinal_ex(context, &scratch, &finalLength) == 1, finalLength == 0,
              EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), &tag) == 1
        else { throw .backendFailure }
        return (ciphertext, tag)
    }

    /// Decrypts and checks the tag (SP 800-38D §7.2); on a mismatch the partial plaintext is wiped, never returned.
    static func decrypt(
        _ ciphertext: [UInt8], key: SymmetricKey, nonce: [UInt8], aad: [UInt8], tag: [UInt8]
    ) throws(AESGCMError) -> [UInt8] {
        guard tag.count == tagByteCount else { throw .authenticationFailed }
        guard let context = EVP_CIPHER_CTX_new() else { throw .backendFailure }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonce.count), nil) == 1,
              EVP_DecryptInit_ex(context, nil, nil, key.secret.bytes, nonce) == 1,
              update(context, input: aad, output: nil, using: EVP_DecryptUpdate)
        else { throw .backendFailure }

        var plaintext = [UInt8](repeating: 0, count: ciphertext.count)
        var expectedTag = tag
        var scratch = [UInt8](repeating: 0, count: tagByteCount)
        var finalLength: Int32 = 0
        guard update(context, input: ciphertext, output: &plaintext, using: EVP_DecryptUpdate),
              EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), &expectedTag) == 1
        else { throw .backendFailure }
        guard EVP_DecryptFinal_ex(context, &scratch, &finalLength) == 1, finalLength == 0 else {
            plaintext.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
            throw .authenticationFailed
        }
        return plaintext
    }

    private typealias UpdateFunction = (
        OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int32>?, UnsafePointer<UInt8>?, Int32
    ) -> Int32

    /// Feeds `input` to an EVP update function in `int`-sized slices; a nil `output` makes GCM take it as AAD.
    private static func update(
        _ context: OpaquePointer, input: [UInt8], output: UnsafeMutablePointer<UInt8>?, using function: UpdateFunction
    ) -> Bool {
        input.withUnsafeBufferPointer { source in
            var offset = 0
            while offset < source.count {
                guard let base = source.baseAddress else { return false }
                let length = min(source.count - offset, chunkByteCount)
                var written: Int32 = 0
                guard function(context, output.map { $0 + offset }, &written, base + offset, Int32(length)) == 1,
                      output == nil || Int(written) == length
                else { return false }
                offset += length
            }
            return true
        }
    }
}
