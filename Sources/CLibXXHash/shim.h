#ifndef SYNDETECT_CLIBXXHASH_SHIM_H
#define SYNDETECT_CLIBXXHASH_SHIM_H
// The system xxHash (Debian: libxxhash-dev). Only XXHash.swift imports this module.
//
// XXH_INLINE_ALL makes every xxHash function `static inline` in this header, so the Swift
// compiler emits them into SyndicationEngine and LLVM inlines XXH3's short-input path into
// the loops that hash shingles: a call into libxxhash cost ~60 instructions per shingle of
// 17-32 bytes, inlined it costs ~30, and the seed is added to the secret once per loop
// instead of once per hash. The results are those of the library: XXH3 is a fixed format
// since xxHash 0.8.0. The Swift compiler builds this header for size (__OPTIMIZE_SIZE__),
// under which xxhash.h drops its inlining hints; they are kept on.
#define XXH_NO_INLINE_HINTS 0
#define XXH_INLINE_ALL
#include <xxhash.h>

/// XXH3-64 of `length` bytes at `input` with `seed`, for any length (kept out of line).
__attribute__((noinline)) static XXH64_hash_t syndetect_xxh3_64_any(const void *input, size_t length, XXH64_hash_t seed) {
    return XXH3_64bits_withSeed(input, length, seed);
}

/// XXH3-64 of `length` bytes at `input` with `seed`. Shingles are 17 to 128 bytes long, and
/// for them this is the very branch XXH3_64bits_withSeed takes (XXH3_64bits_internal: the
/// default secret, the seed added to it), inlined where shingles are hashed; other lengths
/// take the whole function.
__attribute__((always_inline)) static inline XXH64_hash_t syndetect_xxh3_64(const void *input, size_t length, XXH64_hash_t seed) {
    if (length > 16 && length <= 128) {
        return XXH3_len_17to128_64b((const xxh_u8 *)input, length, XXH3_kSecret, sizeof(XXH3_kSecret), seed);
    }
    return syndetect_xxh3_64_any(input, length, seed);
}

/// XXH3-64 of `length` bytes at `input` with `seed`, for inputs mostly of at most 16 bytes
/// (character shingles, single words): that branch of XXH3_64bits_withSeed (XXH3_len_0to16_64b
/// with the default secret) inlined first, then syndetect_xxh3_64. Kept apart from it so that
/// the word-shingle loops do not pay for the extra branch.
__attribute__((always_inline)) static inline XXH64_hash_t syndetect_xxh3_64_short(const void *input, size_t length, XXH64_hash_t seed) {
    if (length <= 16) {
        return XXH3_len_0to16_64b((const xxh_u8 *)input, length, XXH3_kSecret, seed);
    }
    return syndetect_xxh3_64(input, length, seed);
}

/// The xxHash version compiled in, as XXH_VERSION_NUMBER (major·10000 + minor·100 + release).
static inline unsigned syndetect_xxh_version_number(void) {
    return XXH_versionNumber();
}

// SHA-256 compression with the x86 SHA extensions (Intel SHA-NI: SHA256RNDS2, SHA256MSG1,
// SHA256MSG2; Goldilocks, Zen and later), for SHA256.swift through XXHash.swift. Everything
// else about SHA-256 (padding, the portable rounds, the digest's form) stays in Swift, and
// the Swift rounds are the fallback, with the same output, wherever these are not there.
#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

/// Whether the processor has the SHA extensions and SSSE3 / SSE4.1, which the rounds below use.
static inline int syndetect_sha256_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return ssse3 && sse41 && ((ebx >> 29) & 1);
}

/// Applies the SHA-256 compression function (FIPS 180-4 §6.2.2) to `blocks` 64-byte blocks at
/// `data`, updating the eight words of `state` (A to H). Four rounds at a time: the rounds
/// instruction does two, on the working words held as ABEF and CDGH; the schedule is grown
/// four words at a time by MSG1 (σ0), an add of W[t−7] and MSG2 (σ1).
__attribute__((target("sha,sse4.1,ssse3")))
static void syndetect_sha256_blocks_hardware(uint32_t state[8], const uint8_t *data, size_t blocks) {
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };
    // Big-endian message words: reverse the bytes of each 32-bit lane.
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // state[0..3] = A B C D and state[4..7] = E F G H (lane 0 first) into ABEF and CDGH (lane 3 first).
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    while (blocks > 0) {
        const __m128i abefBefore = abef, cdghBefore = cdgh;
        __m128i w[4];
        for (int group = 0; group < 16; group++) {
            __m128i words;
            if (group < 4) {
                words = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), byteSwap);
            } else {
                // W[t..t+3] from W[t−16..t−13] (w[group & 3]), W[t−15..] (next), W[t−8..] and W[t−4..].
                __m128i partial = _mm_sha256msg1_epu32(w[group & 3], w[(group + 1) & 3]);
                partial = _mm_add_epi32(partial, _mm_alignr_epi8(w[(group + 3) & 3], w[(group + 2) & 3], 4));
                words = _mm_sha256msg2_epu32(partial, w[(group + 3) & 3]);
            }
            w[group & 3] = words;
            __m128i sums = _mm_add_epi32(words, _mm_loadu_si128((const __m128i *)&k[4 * group]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sums);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(sums, 0x0E));
        }
        abef = _mm_add_epi32(abef, abefBefore);
        cdgh = _mm_add_epi32(cdgh, cdghBefore);
        data += 64;
        blocks -= 1;
    }
    // Back to A B C D and E F G H.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}
#else
static inline int syndetect_sha256_hardware_available(void) { return 0; }
static inline void syndetect_sha256_blocks_hardware(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state; (void)data; (void)blocks;
}
#endif
// Row minima in AVX-512 (F and DQ: 64-bit lanes, VPMULLQ, VPMINUQ), for RowMinima.swift
// through XXHash.swift: minima[r] = min over the values v of fmix64(v + offsets[r]), the
// MurmurHash3 finaliser, eight rows to a register. The Swift loop is the fallback, with the
// same output, wherever the processor (or Valgrind's) lacks these instructions.
#if defined(__x86_64__)
/// Whether the processor has AVX-512 F and DQ and the system saves their registers (XCR0:
/// SSE, AVX, opmask and both halves of the upper ZMM state).
static inline int syndetect_row_minima_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!((ecx >> 27) & 1)) return 0;
    unsigned int low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    (void)high;
    if ((low & 0xE6) != 0xE6) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return ((ebx >> 16) & 1) && ((ebx >> 17) & 1);
}

__attribute__((target("avx512f,avx512dq"), always_inline))
static inline __m512i syndetect_fmix64x8(__m512i x) {
    const __m512i first = _mm512_set1_epi64((long long)0xFF51AFD7ED558CCDULL);
    const __m512i second = _mm512_set1_epi64((long long)0xC4CEB9FE1A85EC53ULL);
    x = _mm512_xor_si512(x, _mm512_srli_epi64(x, 33));
    x = _mm512_mullo_epi64(x, first);
    x = _mm512_xor_si512(x, _mm512_srli_epi64(x, 33));
    x = _mm512_mullo_epi64(x, second);
    return _mm512_xor_si512(x, _mm512_srli_epi64(x, 33));
}

/// minima[r] = min(minima[r], min over the `count` values v at `values` of fmix64(v + offsets[r]))
/// for r < `rows`, a multiple of 8. Four values at a time, so that four chains of multiplies
/// overlap.
__attribute__((target("avx512f,avx512dq")))
static void syndetect_row_minima_hardware(const uint64_t *values, size_t count, const uint64_t *offsets, uint64_t *minima, size_t rows) {
    for (size_t group = 0; group + 8 <= rows; group += 8) {
        const __m512i offset = _mm512_loadu_si512((const void *)(offsets + group));
        __m512i m0 = _mm512_loadu_si512((const void *)(minima + group));
        __m512i m1 = m0, m2 = m0, m3 = m0;
        size_t index = 0;
        for (; index + 4 <= count; index += 4) {
            m0 = _mm512_min_epu64(m0, syndetect_fmix64x8(_mm512_add_epi64(_mm512_set1_epi64((long long)values[index]), offset)));
            m1 = _mm512_min_epu64(m1, syndetect_fmix64x8(_mm512_add_epi64(_mm512_set1_epi64((long long)values[index + 1]), offset)));
            m2 = _mm512_min_epu64(m2, syndetect_fmix64x8(_mm512_add_epi64(_mm512_set1_epi64((long long)values[index + 2]), offset)));
            m3 = _mm512_min_epu64(m3, syndetect_fmix64x8(_mm512_add_epi64(_mm512_set1_epi64((long long)values[index + 3]), offset)));
        }
        for (; index < count; index++) {
            m0 = _mm512_min_epu64(m0, syndetect_fmix64x8(_mm512_add_epi64(_mm512_set1_epi64((long long)values[index]), offset)));
        }
        m0 = _mm512_min_epu64(_mm512_min_epu64(m0, m1), _mm512_min_epu64(m2, m3));
        _mm512_storeu_si512((void *)(minima + group), m0);
    }
}

/// Whether the processor has AVX-512 F, DQ and BW (byte shuffles) and the system saves their
/// registers.
static inline int syndetect_windows5_hardware_available(void) {
    if (!syndetect_row_minima_hardware_available()) return 0;
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx >> 30) & 1;
}

/// output[i] = XXH3-64 of the five bytes at bytes + i with `seed`, for i < `count` (reading
/// the `count + 4` bytes from `bytes`): eight windows to a register, the very arithmetic of
/// XXH3_len_4to8_64b with the default secret (XXH3's format is fixed since 0.8.0): the input
/// word of a window is its bytes 1–4 below its bytes 0–3, one byte shuffle of sixteen loaded
/// bytes makes eight of them, and rrmxmx mixes them with 64-bit multiplies (VPMULLQ). The
/// last windows, short of a sixteen-byte load, go through XXH3 itself.
__attribute__((target("avx512f,avx512dq,avx512bw")))
static void syndetect_windows5_hardware(const uint8_t *bytes, size_t count, uint64_t seed, uint64_t *output) {
    const uint64_t keyedSeed = seed ^ ((uint64_t)XXH_swap32((uint32_t)seed) << 32);
    const uint64_t bitflip = (XXH_readLE64(XXH3_kSecret + 8) ^ XXH_readLE64(XXH3_kSecret + 16)) - keyedSeed;
    const __m512i flip = _mm512_set1_epi64((long long)bitflip);
    const __m512i prime = _mm512_set1_epi64((long long)0x9FB21C651E98DF25ULL);
    const __m512i length = _mm512_set1_epi64(5);
    // 128-bit lane m holds windows 2m and 2m + 1; window k's word, low byte first, is bytes
    // k+1, k+2, k+3, k+4 (its last four), then k, k+1, k+2, k+3 (its first four).
    const __m512i order = _mm512_set_epi8(
        10, 9, 8, 7, 11, 10, 9, 8,   9, 8, 7, 6, 10, 9, 8, 7,
        8, 7, 6, 5, 9, 8, 7, 6,      7, 6, 5, 4, 8, 7, 6, 5,
        6, 5, 4, 3, 7, 6, 5, 4,      5, 4, 3, 2, 6, 5, 4, 3,
        4, 3, 2, 1, 5, 4, 3, 2,      3, 2, 1, 0, 4, 3, 2, 1);
    size_t index = 0;
    for (; index + 12 <= count; index += 8) {
        const __m512i loaded = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(bytes + index)));
        __m512i h = _mm512_xor_si512(_mm512_shuffle_epi8(loaded, order), flip);
        h = _mm512_xor_si512(h, _mm512_xor_si512(_mm512_rol_epi64(h, 49), _mm512_rol_epi64(h, 24)));
        h = _mm512_mullo_epi64(h, prime);
        h = _mm512_xor_si512(h, _mm512_add_epi64(_mm512_srli_epi64(h, 35), length));
        h = _mm512_mullo_epi64(h, prime);
        h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 28));
        _mm512_storeu_si512((void *)(output + index), h);
    }
    for (; index < count; index++) {
        output[index] = XXH3_len_0to16_64b(bytes + index, 5, XXH3_kSecret, seed);
    }
}
#else
static inline int syndetect_row_minima_hardware_available(void) { return 0; }
static inline void syndetect_row_minima_hardware(const uint64_t *values, size_t count, const uint64_t *offsets, uint64_t *minima, size_t rows) {
    (void)values; (void)count; (void)offsets; (void)minima; (void)rows;
}
static inline int syndetect_windows5_hardware_available(void) { return 0; }
static inline void syndetect_windows5_hardware(const uint8_t *bytes, size_t count, uint64_t seed, uint64_t *output) {
    (void)bytes; (void)count; (void)seed; (void)output;
}
#endif
#endif
