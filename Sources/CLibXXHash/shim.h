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
#endif
