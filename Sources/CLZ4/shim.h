#ifndef CLZ4_SHIM_H
#define CLZ4_SHIM_H
#include <lz4.h>
#include <lz4hc.h>

/// A hint to start loading the cache line holding `address` (never faults, changes nothing):
/// lets the record stores' reads for a page of hits wait for memory together.
static inline void citex_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
#endif
