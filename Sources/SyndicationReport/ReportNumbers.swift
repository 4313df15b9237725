/// Fixed, locale-free number formatting shared by the Markdown and HTML renderers.
enum ReportNumbers {
    /// `value` with exactly `digits` decimals, rounded half away from zero: `0.873`.
    static func fixed(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return String(value) }
        let units = Int64(scaled)
        var result = value < 0 && units != 0 ? "-" : ""
        result += String(units / scale)
        if digits > 0 {
            let fraction = String(units % scale)
            result += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return result
    }

    /// A share in [0, 1] as a percentage with one decimal: `87.3 %`.
    static func percent(_ share: Double) -> String {
        fixed(share * 100, digits: 1) + " %"
    }

    /// A delay in seconds as days, hours and minutes: `+1 d 2 h`, `+2 h 15 min`, `+0 min`.
    static func lag(seconds: Int64) -> String {
        let minutes = seconds.magnitude / 60
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        var parts: [String] = []
        if days > 0 { parts.append("\(days) d") }
        if hours > 0 { parts.append("\(hours) h") }
        if rest > 0 && days == 0 || parts.isEmpty { parts.append("\(rest) min") }
        return (seconds < 0 ? "-" : "+") + parts.joined(separator: " ")
    }
}
