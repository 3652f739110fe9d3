extension HTTPRequestParser {
    /// Runs the state machine over `input` from `cursor` until an event, an error, or the end of input.
    mutating func step(_ input: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPParserEvent? {
        let end = input.count
        while true {
            if case .messageEnd = state {
                state = keepAlive ? .lineStart : .closed
                return .end(trailers: HTTPHeaders())
            }
            guard cursor < end else { return nil }
            switch state {
            case .lineStart:
                if usesPlainHeadPath, let plain = parseWholePlainHead(input) { return .head(plain) }
                try stepRequestLine(input)
            case .lineStartLF, .method, .targetStart, .target, .version, .requestLineLF:
                try stepRequestLine(input)
            case .fieldStart, .fieldName, .fieldValueLeading, .fieldValue, .fieldLF, .headEndLF:
                if let event = try stepFields(input) { return event }
            case .fixedBody(let remaining):
                let count = min(remaining, end - cursor)
                let chunk = Array(input[cursor..<cursor + count])
                cursor += count
                state = remaining == count ? .messageEnd : .fixedBody(remaining - count)
                return .body(chunk)
            case .chunkData(let remaining):
                let count = min(remaining, end - cursor)
                let chunk = Array(input[cursor..<cursor + count])
                cursor += count
                state = remaining == count ? .chunkDataCR : .chunkData(remaining - count)
                return .body(chunk)
            case .closed:
                let byte = input[cursor]
                guard byte == 0x0D || byte == 0x0A else {
                    throw .bad("data after the last message of a closed connection")
                }
                cursor += 1
            case .messageEnd:
                continue
            default:
                try stepChunkFraming(input)
            }
        }
    }
}
