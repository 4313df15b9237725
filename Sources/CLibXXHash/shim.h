#ifndef SYNDETECT_CLIBXXHASH_SHIM_H
#define SYNDETECT_CLIBXXHASH_SHIM_H
// The system xxHash library (Debian: libxxhash-dev). Only XXHash.swift imports this module.
#include <xxhash.h>
#endif
