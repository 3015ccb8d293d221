#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Other declared charsets (ISO-8859-x, Shift_JIS, KOI8-R…) through the C library's iconv.
enum IconvDecoder {
    static func supports(_ label: String) -> Bool {
        guard label.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x2F }) else { return false }
        let handle = iconv_open("UTF-8", label)
        guard handle != iconv_t(bitPattern: -1) else { return false }
        iconv_close(handle)
        return true
    }

    /// The UTF-8 text of `bytes` in `label`; an invalid sequence becomes U+FFFD and decoding goes on.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from label: String) -> [UInt8]? {
        let handle = iconv_open("UTF-8", label)
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        guard let base = bytes.baseAddress else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
        var inputLeft = bytes.count
        while inputLeft > 0 {
            let (result, produced, failure) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int, Int, Int32) in
                var out = buffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = buffer.count
                let result = iconv(handle, &input, &inputLeft, &out, &outLeft)
                return (result, buffer.count - outLeft, result == -1 ? errno : 0)
            }
            output.append(contentsOf: chunk[0..<produced])
            if result == -1, failure != E2BIG {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                input = input.map { $0 + 1 }
                inputLeft -= 1
            }
        }
        return output
    }
}
