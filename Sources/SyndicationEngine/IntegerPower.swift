extension Double {
    /// `self` raised to the non-negative integer `exponent`, by repeated squaring: exact for
    /// the small exponents of LSH bands and densification models, with no `Foundation.pow`.
    func raised(to exponent: Int) -> Double {
        var result = 1.0
        var factor = self
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= factor }
            factor *= factor
            remaining >>= 1
        }
        return result
    }
}
