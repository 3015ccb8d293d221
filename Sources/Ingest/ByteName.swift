/// Helpers for libxml2's NUL-terminated `xmlChar*` names, so hot paths compare and hash bytes
/// instead of building a `String` per element.
enum ByteName {
    /// FNV-1a of the ASCII-lowercased bytes up to the terminating NUL.
    static func hash(_ name: UnsafePointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var pointer = name
        while pointer.pointee != 0 {
            var byte = pointer.pointee
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            pointer += 1
        }
        return hash
    }

    /// FNV-1a of the ASCII-lowercased bytes of a slice.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for var byte in bytes {
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    static func hash(_ name: String) -> UInt64 {
        name.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: 1) { hash($0) } }
    }

    /// Case-insensitive equality of a NUL-terminated name with an ASCII literal.
    static func equals(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        for index in 0..<count {
            var byte = name[index]
            if byte == 0 { return false }
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != expected[index] { return false }
        }
        return name[count] == 0
    }

    static func string(_ value: UnsafePointer<UInt8>?) -> String? {
        guard let value else { return nil }
        return String(cString: value)
    }

    /// The value with surrounding whitespace removed and inner runs folded to one space; nil if empty.
    static func normalized(_ value: String?) -> String? {
        guard let value else { return nil }
        let folded = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return folded.isEmpty ? nil : folded
    }

    /// Whether `bytes` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for index in 0..<prefix.count where lowered(bytes[index]) != prefix[index] { return false }
        return true
    }

    /// First index at or after `start` where `needle` (lowercase ASCII) occurs, ignoring ASCII case.
    static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count)
        where lowered(bytes[index]) == needle[0] && hasPrefix(UnsafeBufferPointer(rebasing: bytes[index...]), needle) {
            return index
        }
        return nil
    }

    static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
