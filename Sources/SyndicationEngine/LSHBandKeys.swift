extension LSHParameters {
    /// The bucket key of band `band` of `signature`: XXH3-64 of the band's *r* values' bytes,
    /// seeded with the band index. Every LSH stage — the in-memory ``LSHIndex``, the scan's
    /// flat band index and the persistent index — keys buckets this one way, so their
    /// candidates agree.
    ///
    /// - Precondition: `signature` holds at least ``usedPermutationCount`` values.
    public func bandKey(of signature: MinHashSignature, band: Int) -> UInt64 {
        signature.values.withUnsafeBytes { bytes in
            let stride = MemoryLayout<UInt64>.stride
            return XXHash.hash64(
                UnsafeRawBufferPointer(rebasing: bytes[(band * rowsPerBand * stride)..<((band + 1) * rowsPerBand * stride)]),
                seed: UInt64(band))
        }
    }

    /// The ``bandCount`` bucket keys of `signature`, band by band; none for an empty signature.
    public func bandKeys(of signature: MinHashSignature) -> [UInt64] {
        guard !signature.isEmpty else { return [] }
        precondition(signature.values.count >= bandCount * rowsPerBand, "a signature of too few values for \(self)")
        // ``bandKey(of:band:)`` for every band, with one look at the values and no map closure.
        let width = rowsPerBand * MemoryLayout<UInt64>.stride
        return [UInt64](unsafeUninitializedCapacity: bandCount) { keys, initialized in
            signature.values.withUnsafeBytes { bytes in
                for band in 0..<bandCount {
                    keys[band] = XXHash.hash64(
                        UnsafeRawBufferPointer(start: bytes.baseAddress! + band * width, count: width), seed: UInt64(band))
                }
            }
            initialized = bandCount
        }
    }
}
