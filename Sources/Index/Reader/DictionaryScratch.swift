import Synchronization

/// Buffers that hold a record store's dictionary followed by room for one decompressed
/// block, lent to one decompression at a time.
///
/// Why: LZ4 decodes a block against a dictionary much faster when the dictionary lies just
/// before the output (a match into it is then an ordinary back reference; 3.9 instead of 5.4
/// instructions per byte on 2 KiB blocks of passages). Copying 64 KiB of dictionary per block
/// would cost more than that saves, so each buffer keeps its copy and is reused: one per
/// thread decompressing at the same time, at most.
final class DictionaryScratch: @unchecked Sendable {
    /// A buffer: `dictionary.count` bytes of dictionary, then `capacity` bytes of output.
    /// Owned by the pool or by the one decompression it is lent to.
    private struct Buffer: @unchecked Sendable {
        let output: UnsafeMutableRawPointer
        let capacity: Int
    }

    private let dictionary: UnsafeRawBufferPointer
    private let idle = Mutex<[Buffer]>([])
    /// Output room of a new buffer; a larger block gets a buffer of its own size.
    private static let minimumCapacity = 16 * 1024
    /// Buffers kept once returned; others are freed.
    private static let kept = 8

    init(dictionary: UnsafeRawBufferPointer) {
        self.dictionary = dictionary
    }

    deinit {
        idle.withLock { buffers in
            for buffer in buffers { (buffer.output - dictionary.count).deallocate() }
        }
    }

    /// Calls `body` with the output start of a buffer of at least `size` bytes, right after a
    /// copy of the dictionary.
    func withBuffer<T>(size: Int, _ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        let lent = idle.withLock { buffers -> Buffer? in
            guard let last = buffers.last, last.capacity >= size else { return nil }
            return buffers.removeLast()
        } ?? make(size: size)
        defer {
            let freed = idle.withLock { buffers -> Buffer? in
                guard buffers.count < Self.kept else { return lent }
                buffers.append(lent)
                return nil
            }
            if let freed { (freed.output - dictionary.count).deallocate() }
        }
        return try body(lent.output)
    }

    private func make(size: Int) -> Buffer {
        let capacity = max(size, Self.minimumCapacity)
        let start = UnsafeMutableRawPointer.allocate(byteCount: dictionary.count + capacity, alignment: 16)
        if let source = dictionary.baseAddress { start.copyMemory(from: source, byteCount: dictionary.count) }
        return Buffer(output: start + dictionary.count, capacity: capacity)
    }
}
