#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a page's character encoding and turns its bytes into valid UTF-8, before libxml2 sees them.
///
/// Order: byte-order mark, then the encoding the page declares (`<meta charset>`,
/// `<meta http-equiv=Content-Type>`, the XML declaration), then valid UTF-8 is UTF-8 and anything
/// else is Windows-1252. Labels are read as browsers read them (WHATWG): `iso-8859-1`, `latin1`
/// and `us-ascii` mean Windows-1252. Decoding here rather than in libxml2 avoids its traps: an
/// `iso-8859-1` label giving C1 controls for “smart quotes”, and iconv stopping at the first byte
/// a declared charset cannot map (the rest of the page lost). Undecodable bytes become U+FFFD.
enum TextDecoder {
    enum Encoding: Equatable {
        case utf8, utf16LittleEndian, utf16BigEndian, windows1252
        /// Any other label iconv knows (`iso-8859-2`, `shift_jis`, `koi8-r`…).
        case other(String)
    }

    /// How far into the page a declaration is looked for.
    static let prescanLength = 4096

    /// The encoding of `bytes`, and how many leading bytes are a byte-order mark.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> (encoding: Encoding, bomLength: Int) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
        if let label = CharsetDeclaration.find(in: UnsafeBufferPointer(rebasing: bytes.prefix(prescanLength))),
           let declared = encoding(forLabel: label) {
            // A page that declares a single-byte charset but is valid UTF-8 beyond ASCII was
            // re-saved as UTF-8 without fixing its meta tag: its bytes are the stronger evidence.
            if declared != .utf8, isValidUTF8(bytes), !isASCII(bytes) { return (.utf8, 0) }
            return (declared, 0)
        }
        return (isValidUTF8(bytes) ? .utf8 : .windows1252, 0)
    }

    /// WHATWG label → encoding; nil for labels we cannot decode (then the bytes decide).
    static func encoding(forLabel label: String) -> Encoding? {
        switch label.lowercased() {
        // A UTF-16 label found by an ASCII scan is false by construction: WHATWG reads it as UTF-8.
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "utf-16", "utf-16le", "utf-16be",
             "unicode", "ucs-2":
            return .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
             "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "csisolatin1", "ibm819", "cp819":
            return .windows1252
        default:
            let lowered = label.lowercased()
            return IconvDecoder.supports(lowered) ? .other(lowered) : nil
        }
    }

    /// Valid UTF-8 of `bytes` (BOM dropped), or nil when `bytes` already are exactly that.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let (encoding, bom) = detect(bytes)
        let body = UnsafeBufferPointer(rebasing: bytes[bom...])
        switch encoding {
        case .utf8:
            if isValidUTF8(body) { return bom == 0 ? nil : Array(body) }
            return Array(String(decoding: body, as: UTF8.self).utf8)
        case .windows1252:
            return Windows1252.decode(body)
        case .utf16LittleEndian, .utf16BigEndian:
            return utf16(body, littleEndian: encoding == .utf16LittleEndian)
        case .other(let label):
            return IconvDecoder.decode(body, from: label) ?? Windows1252.decode(body)
        }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing past U+10FFFF), ASCII fast path.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    private static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
