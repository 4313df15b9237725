/// A publication time parsed from ISO-8601, with the precision the source gave.
///
/// `2005-03-08T14:32:00+01:00` is precise to the minute; `2005-03-08` (or a time of exactly
/// midnight, which sites that expose only a date print) is precise to the day. Two times are
/// only ordered when they differ by more than their precisions allow.
public struct PublicationTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64
    /// How many seconds after ``secondsSinceEpoch`` the true time may be: 60 for a time
    /// given to the minute, 86,400 for a date alone.
    public var uncertainty: Int64
    /// The text as given.
    public var original: String

    /// A time with its uncertainty.
    public init(secondsSinceEpoch: Int64, uncertainty: Int64, original: String) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.uncertainty = uncertainty
        self.original = original
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM`, `±HHMM` or no zone
    /// (taken as UTC), and a space instead of `T`. Returns nil for anything else.
    public init?(iso8601 text: String) {
        let trimmed = text.trimmingWhitespace()
        let scalars = Array(trimmed.unicodeScalars)
        var position = 0
        func number(_ digits: Int) -> Int? {
            guard position + digits <= scalars.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                guard let digit = scalars[position].properties.numericType == .decimal
                    ? Int(String(scalars[position])) : nil else { return nil }
                value = value * 10 + digit
                position += 1
            }
            return value
        }
        func expect(_ scalar: Unicode.Scalar) -> Bool {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"),
              let day = number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Int64(Self.daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        var uncertainty: Int64 = 86_400
        if position < scalars.count {
            guard expect("T") || expect(" "), let hour = number(2), expect(":"),
                  let minute = number(2), hour < 24, minute < 60 else { return nil }
            var second = 0
            if expect(":") {
                guard let value = number(2), value < 61 else { return nil }
                second = value
                if expect(".") || expect(",") {
                    while position < scalars.count, scalars[position].properties.numericType == .decimal {
                        position += 1
                    }
                }
            }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            uncertainty = (hour == 0 && minute == 0 && second == 0) ? 86_400 : 60
            if expect("Z") || expect("z") {
            } else if position < scalars.count {
                let sign: Int64
                if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
                guard let zoneHour = number(2) else { return nil }
                _ = expect(":")
                guard let zoneMinute = number(2), zoneHour < 24, zoneMinute < 60 else { return nil }
                seconds -= sign * Int64(zoneHour * 3600 + zoneMinute * 60)
            }
            guard position == scalars.count else { return nil }
        }
        self.init(secondsSinceEpoch: seconds, uncertainty: uncertainty, original: trimmed)
    }

    /// Whether this time is surely earlier than `other`, given both uncertainties.
    public func isSurelyBefore(_ other: PublicationTime) -> Bool {
        secondsSinceEpoch + uncertainty <= other.secondsSinceEpoch
    }

    public static func < (lhs: PublicationTime, rhs: PublicationTime) -> Bool {
        (lhs.secondsSinceEpoch, lhs.original) < (rhs.secondsSinceEpoch, rhs.original)
    }

    public var description: String { original }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
