import Foundation
import Store
import Testing

@Suite("Timestamps and identifiers")
struct TimestampTests {
    static let known: [(Double, String)] = [
        (0, "1970-01-01T00:00:00.000Z"),
        (1_795_549_179.123, "2026-11-24T19:39:39.123Z"),
        (951_782_400, "2000-02-29T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.000Z"),
        (-0.001, "1969-12-31T23:59:59.999Z"),
        (-62_135_596_800, "0001-01-01T00:00:00.000Z"),
        (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
        (4_107_542_400, "2100-03-01T00:00:00.000Z"),
    ]

    @Test("formats UTC with milliseconds", arguments: known)
    func format(seconds: Double, text: String) {
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: seconds)) == text)
        #expect(Timestamp.date(from: text).map(Timestamp.string(from:)) == text)
    }

    @Test("parses offsets, missing or long fractions", arguments: [
        ("2026-11-24T19:39:39Z", "2026-11-24T19:39:39.000Z"),
        ("2026-11-24T21:39:39.5+02:00", "2026-11-24T19:39:39.500Z"),
        ("2026-11-24T14:09:39.123456789-05:30", "2026-11-24T19:39:39.123Z"),
        ("2026-11-24 19:39:39.123z", "2026-11-24T19:39:39.123Z"),
    ])
    func parseVariants(input: String, normalized: String) throws {
        let date = try #require(Timestamp.date(from: input))
        #expect(Timestamp.string(from: date) == normalized)
    }

    @Test("rejects malformed or impossible timestamps", arguments: [
        "", "2026-11-24", "2026-11-24T19:39:39", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-11-24T24:00:00Z", "2026-11-24T19:60:00Z", "2026-11-24T19:39:39.Z", "2026-11-24T19:39:39Zjunk",
        "20261124T193939Z", "2026-11-24T19:39:39+0200", "２０２６-11-24T19:39:39Z",
    ])
    func rejects(input: String) {
        #expect(Timestamp.date(from: input) == nil)
    }

    @Test("string order is time order, and random instants round-trip to the millisecond")
    func orderAndRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let dates = (0..<2000).map { _ in
            Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000_000...4_000_000_000_000,
                                                            using: &generator)) / 1000)
        }
        let strings = dates.map(Timestamp.string(from:))
        #expect(dates.sorted().map(Timestamp.string(from:)) == strings.sorted())
        for (date, string) in zip(dates, strings) {
            let parsed = try #require(Timestamp.date(from: string))
            #expect(abs(parsed.timeIntervalSince(date)) < 0.000_5)
        }
    }

    @Test("dates beyond year 9999 are clamped rather than crashing")
    func clamps() {
        #expect(Timestamp.string(from: .distantFuture) <= "9999-12-31T23:59:59.999Z")
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: -1e300)) == "0000-01-01T00:00:00.000Z")
    }

    @Test("now() is current")
    func now() throws {
        let parsed = try #require(Timestamp.date(from: Timestamp.now()))
        #expect(abs(parsed.timeIntervalSinceNow) < 5)
    }

    @Test("UUIDs are lowercase version 4 and unique")
    func uuids() {
        let ids = (0..<1000).map { _ in makeUUIDString() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let characters = Array(id)
            #expect(characters.count == 36)
            #expect(id == id.lowercased())
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
            #expect([8, 13, 18, 23].allSatisfy { characters[$0] == "-" })
        }
    }
}
