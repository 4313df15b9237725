/// Fixed decimal formatting without Foundation, so messages read the same everywhere.
enum Number {
    /// `value` with four decimals: `0.8000`, `1.0000`, `-0.0500`.
    static func format(_ value: Double, decimals: Int = 4) -> String {
        guard value.isFinite else { return String(describing: value) }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let fraction = String(scaled % scale)
        return sign + String(scaled / scale) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `value` as a percentage with one decimal: `93.2 %`.
    static func percent(_ value: Double) -> String {
        format(value * 100, decimals: 1) + " %"
    }
}
