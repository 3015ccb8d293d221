#if canImport(Glibc)
import Glibc
#endif

/// Makes freed memory go back to the system while indexing, so the memory budget holds for
/// the whole run and not just for what is alive.
///
/// Why: glibc's malloc raises its mmap threshold after large blocks are freed and keeps freed
/// heap memory for reuse in each thread's arena; parse workers handling multi-megabyte pages
/// then leave the process tens of MB larger than anything it holds (measured: 83 → 53 MB peak
/// anonymous memory on the large tier with `--memory 32M`). A fixed trim threshold turns that
/// off (and with it the moving mmap threshold), at no measurable cost in speed.
///
/// `mallopt` is looked up at run time: `<malloc.h>` is not part of the Glibc module, and a C
/// library without it (musl) simply keeps its own behaviour.
enum AllocatorTuning {
    /// `M_TRIM_THRESHOLD` in `<malloc.h>`.
    private static let trimThreshold: Int32 = -1

    static func returnFreedMemory() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(trimThreshold, 1 << 20)
        #endif
    }
}
