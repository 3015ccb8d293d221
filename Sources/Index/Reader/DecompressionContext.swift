internal import CZstd
import Synchronization

/// A zstd decompression context, kept for the next block instead of built per call.
///
/// `ZSTD_decompress` allocates and initialises a fresh context (about 100 KiB) for every
/// frame; fetching the ten passages of a search decompresses up to ten blocks, so reusing
/// one context saves that set-up on each. One spare context is kept for the whole process;
/// a thread that finds it taken builds its own and drops it afterwards.
///
/// - Warning: a context is used by one thread at a time: `withContext` takes it out of the
///   spare slot for the duration of `body`, hence `@unchecked Sendable`.
final class DecompressionContext: @unchecked Sendable {
    private let context: OpaquePointer

    private init?() {
        guard let context = ZSTD_createDCtx() else { return nil }
        self.context = context
    }

    deinit { ZSTD_freeDCtx(context) }

    private static let spare = Mutex<DecompressionContext?>(DecompressionContext())

    /// Decompresses one whole zstd frame into `target`; returns the bytes produced or a
    /// zstd error code (test with `ZSTD_isError`).
    static func decompress(_ frame: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) -> Int {
        guard let context = spare.withLock({ $0.take() }) ?? DecompressionContext() else {
            return ZSTD_decompress(target.baseAddress, target.count, frame.baseAddress, frame.count)
        }
        defer { spare.withLock { if $0 == nil { $0 = context } } }
        return ZSTD_decompressDCtx(context.context, target.baseAddress, target.count, frame.baseAddress, frame.count)
    }
}
