import CCurl
import Foundation

/// One email to send: plain text (and optionally HTML), RFC 5322 headers made by the client.
public struct EmailMessage: Sendable {
    public var from: String
    public var to: [String]
    public var cc: [String]
    public var subject: String
    public var text: String
    public var html: String?

    public init(from: String, to: [String], cc: [String] = [], subject: String, text: String, html: String? = nil) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.text = text
        self.html = html
    }

    /// The message as RFC 5322 text with CRLF line ends (RFC 2047 for a non-ASCII subject).
    public func rendered(messageID: String, date: Date = Date()) -> [UInt8] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let subjectLine = subject.unicodeScalars.allSatisfy(\.isASCII) ? subject
            : "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        var lines = ["Date: \(formatter.string(from: date))", "From: \(from)", "To: \(to.joined(separator: ", "))"]
        if !cc.isEmpty { lines.append("Cc: \(cc.joined(separator: ", "))") }
        lines += ["Subject: \(subjectLine)", "Message-ID: <\(messageID)>", "MIME-Version: 1.0"]
        if let html {
            let boundary = "sb-\(messageID.prefix(16))"
            lines += ["Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "", "--\(boundary)",
                      "Content-Type: text/plain; charset=utf-8", "", text, "--\(boundary)", "Content-Type: text/html; charset=utf-8",
                      "", html, "--\(boundary)--"]
        } else {
            lines += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", text]
        }
        return Array(lines.joined(separator: "\r\n").replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n").utf8) + [13, 10]
    }
}

/// Where and how to send mail.
public struct SMTPServer: Sendable {
    public var host: String
    public var port: Int
    public var user: String?
    public var password: String?
    /// "none", "starttls" (upgrade when offered; required if "require") or "tls" (SMTPS, port 465).
    public var security: String

    public init(host: String, port: Int, user: String? = nil, password: String? = nil, security: String = "starttls") {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.security = security
    }
}

/// Sends mail over SMTP with libcurl (RFC 5321: EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA), on its own
/// thread so the caller's task never blocks the cooperative pool.
public enum SMTPClient {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Sends the message to every recipient; returns the Message-ID.
    /// The name this machine gives itself in EHLO.
    static let clientName: String = {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty || name.contains("/") ? "localhost" : name
    }()

    public static func send(_ message: EmailMessage, via server: SMTPServer, timeout: Duration = .seconds(30)) async throws -> String {
        let messageID = "\(UUID().uuidString.lowercased())@switchboard"
        let payload = message.rendered(messageID: messageID)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try perform(payload, message: message, server: server, timeout: timeout) })
            }
        }
        return messageID
    }

    private final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    private static func perform(_ payload: [UInt8], message: EmailMessage, server: SMTPServer, timeout: Duration) throws {
        guard CurlGlobal.initialized else { throw Failure(description: "curl_global_init failed") }
        guard let easy = curl_easy_init() else { throw Failure(description: "curl_easy_init failed") }
        defer { curl_easy_cleanup(easy) }
        let scheme = server.security == "tls" ? "smtps" : "smtp"
        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in message.to + message.cc { recipients = curl_slist_append(recipients, "<\(bare(address))>") }
        defer { curl_slist_free_all(recipients) }
        let upload = Upload(payload)
        let unmanaged = Unmanaged.passRetained(upload)
        defer { unmanaged.release() }
        // The URL's path is the EHLO name (RFC 5321 §4.1.1.1: the client's own name); without one curl sends another.
        _ = sb_curl_setopt_str(easy, CURLOPT_URL, "\(scheme)://\(server.host):\(server.port)/\(Self.clientName)")
        _ = sb_curl_setopt_str(easy, CURLOPT_MAIL_FROM, "<\(bare(message.from))>")
        _ = sb_curl_setopt_ptr(easy, CURLOPT_MAIL_RCPT, recipients)
        if let user = server.user { _ = sb_curl_setopt_str(easy, CURLOPT_USERNAME, user) }
        if let password = server.password { _ = sb_curl_setopt_str(easy, CURLOPT_PASSWORD, password) }
        let ssl: Int = switch server.security {
        case "none": Int(CURLUSESSL_NONE.rawValue)
        case "require": Int(CURLUSESSL_ALL.rawValue)
        default: Int(CURLUSESSL_TRY.rawValue)
        }
        _ = sb_curl_setopt_long(easy, CURLOPT_USE_SSL, ssl)
        _ = sb_curl_setopt_long(easy, CURLOPT_UPLOAD, 1)
        _ = sb_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = sb_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, Int(timeout.components.seconds * 1000))
        _ = sb_curl_setopt_ptr(easy, CURLOPT_READDATA, unmanaged.toOpaque())
        _ = sb_curl_setopt_data_callback(easy, CURLOPT_READFUNCTION) { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let upload = Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue()
            let length = min(size * count, upload.bytes.count - upload.offset)
            upload.bytes.withUnsafeBytes { bytes in
                UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + upload.offset, byteCount: length)
            }
            upload.offset += length
            return length
        }
        let code = curl_easy_perform(easy)
        guard code == CURLE_OK else { throw Failure(description: "SMTP: \(String(cString: curl_easy_strerror(code)))") }
    }

    /// `Name <a@b>` → `a@b`.
    static func bare(_ address: String) -> String {
        guard let open = address.lastIndex(of: "<"), let close = address.lastIndex(of: ">"), open < close else { return address }
        return String(address[address.index(after: open)..<close])
    }
}
