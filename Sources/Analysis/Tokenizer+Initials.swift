/// Finding where a filtered analysis must look, for callers that look for a few known terms
/// (highlighting a query in a passage) rather than for every term.
extension Tokenizer {
    /// Where a scan for a wanted token start stopped: at `index`, and the first character
    /// ≥ U+0080 it stepped over since it started or resumed that is a letter, digit or CJK
    /// character (`Int.max` if none), which tells whether the skipped text holds a token.
    struct WantedStart {
        var index: Int
        var firstSkippedWord: Int
    }

    /// Calls `visit` with each byte of `text` where a token that `initials` admits may start,
    /// in order, and resumes the search where `visit` says (after the text it has read): an
    /// ASCII letter or digit not preceded by one (but maybe by a character ≥ U+0080) whose
    /// lowercase may start an admitted term, or a character ≥ U+0080 whose fold may.
    ///
    /// Sixteen bytes at a time, in SIMD registers: letters and digits (range tests by
    /// wrapping adds, exact below 0x80), bytes equal to one of up to eight wanted ASCII first
    /// bytes (from `TermInitials.asciiFirsts`) and bytes ≥ 0x80 come out as bit 7 of each
    /// lane; then, as two 64-bit words, the run starts among the wanted bytes (letters or
    /// digits whose previous lane is neither) and the bytes ≥ 0x80 are looked at one by one. A
    /// character ≥ U+0080 is decoded and folded only to learn its first byte.
    ///
    /// Static, with the tables as arguments: as a method it copied the whole tokenizer (241
    /// bytes) at every call. One call per text, with a callback per wanted start: the set-up
    /// (the wanted bytes in every lane, the constants in registers) cost more than the scan
    /// of a typical passage when it was repeated for each start. Inlined into its one caller,
    /// so that the callback is not a closure call that copies its captures (0.5 K
    /// instructions a hit).
    @inline(__always)
    static func forEachWanted(
        in text: UnsafeBufferPointer<UInt8>, _ initials: TermInitials, table: UnicodeTable,
        _ visit: (WantedStart) throws -> Int
    ) rethrows {
        guard let base = text.baseAddress else { return }
        let alphanumerics = table.asciiAlphanumerics
        let count = text.count
        /// Sixteen bytes from `offset`, zero outside the text.
        @inline(__always) func load(_ offset: Int) -> Lanes {
            if offset >= 0, offset + 16 <= count { return UnsafeRawPointer(base + offset).loadUnaligned(as: Lanes.self) }
            var lanes = Lanes()
            for lane in 0..<16 where offset + lane >= 0 && offset + lane < count { lanes[lane] = base[offset + lane] }
            return lanes
        }
        let wanted = WantedBytes(initials.asciiFirsts)
        var index = 0
        var firstSkippedWord = Int.max
        scan: while index < count {
            // Near the end of a text of more than sixteen bytes, its last sixteen, the lanes
            // before `index` passed over: one load rather than one per byte.
            let block = index + 16 > count && count > 16 ? count - 16 : index
            let bytes = load(block)
            let lowered = bytes | Lanes(repeating: 0x20)
            let sevens = Lanes(repeating: 0x80)
            let letters = Self.halves(Self.alphanumeric(bytes) & sevens)
            let matches = Self.halves(wanted.matches(lowered) & sevens)
            let high = Self.halves(bytes & sevens)
            // Run starts: letters or digits whose previous byte (one lane down) is neither.
            let before: UInt64 = block > 0 && alphanumerics[Int(base[block - 1])] != 0 ? 0x80 : 0
            let flagged = (
                letters.0 & ~(letters.0 << 8 | before) & matches.0 | high.0,
                letters.1 & ~(letters.1 << 8 | letters.0 >> 56) & matches.1 | high.1)
            for half in 0..<2 {
                var remaining = half == 0 ? flagged.0 : flagged.1
                while remaining != 0 {
                    let at = block + half * 8 + remaining.trailingZeroBitCount / 8
                    remaining &= remaining &- 1
                    guard at >= index else { continue }
                    let byte = base[at]
                    if byte >= 0x80 {
                        let (entry, length) = entry(in: text, at: at, table: table)
                        let cls = UnicodeTable.cls(entry)
                        if cls == .letter || cls == .digit || cls == .cjk {
                            let first = entry & UnicodeTable.foldFlag != 0 ? table.fold(entry).first : byte
                            guard let first, !initials.contains(first) else {
                                index = try visit(WantedStart(index: at, firstSkippedWord: firstSkippedWord))
                                firstSkippedWord = Int.max
                                continue scan
                            }
                            firstSkippedWord = min(firstSkippedWord, at)
                        }
                        index = at + length
                        continue scan
                    }
                    let first = byte | 0x20
                    guard initials.contains(first) else { continue }
                    // The term's second byte, when the next byte is an ASCII letter or digit.
                    if at + 1 < count, alphanumerics[Int(base[at + 1])] != 0, !initials.admits(first, base[at + 1] | 0x20) {
                        continue
                    }
                    index = try visit(WantedStart(index: at, firstSkippedWord: firstSkippedWord))
                    firstSkippedWord = Int.max
                    continue scan
                }
            }
            index = block + 16
        }
    }

    typealias Lanes = SIMD16<UInt8>

    /// Lanes 0–7 and 8–15 as words, lane 0 in the lowest byte.
    @inline(__always)
    static func halves(_ lanes: Lanes) -> (UInt64, UInt64) {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        return (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
    }

    /// Bit 7 of each lane set when its byte is an ASCII letter or digit: `x + (0x80 - low)`
    /// has bit 7 set from `low` up and `x + (0x7F - top)` from above `top` (no lane carries
    /// into another; bytes ≥ 0x80 come out clear).
    @inline(__always)
    static func alphanumeric(_ bytes: Lanes) -> Lanes {
        let lowered: Lanes = bytes | Lanes(repeating: 0x20)
        let fromA: Lanes = lowered &+ Lanes(repeating: 0x80 - 0x61)
        let pastZ: Lanes = lowered &+ Lanes(repeating: 0x7F - 0x7A)
        let fromZero: Lanes = bytes &+ Lanes(repeating: 0x80 - 0x30)
        let pastNine: Lanes = bytes &+ Lanes(repeating: 0x7F - 0x39)
        let letters: Lanes = fromA & ~pastZ
        let digits: Lanes = fromZero & ~pastNine
        return letters | digits
    }

    /// Up to eight wanted ASCII first bytes, each in every lane; unused ones are zero, which
    /// no lowered byte (it has 0x20 set) equals.
    struct WantedBytes {
        private let bytes: (Lanes, Lanes, Lanes, Lanes, Lanes, Lanes, Lanes, Lanes)
        private let count: Int

        init(_ firsts: (packed: UInt64, count: Int)) {
            @inline(__always) func lane(_ index: Int) -> Lanes {
                Lanes(repeating: index < firsts.count ? UInt8(truncatingIfNeeded: firsts.packed >> UInt64(8 * index)) : 0)
            }
            bytes = (lane(0), lane(1), lane(2), lane(3), lane(4), lane(5), lane(6), lane(7))
            count = firsts.count
        }

        /// Bit 7 of each lane set when `lowered` equals a wanted byte there: a zero lane of
        /// the difference is the one whose `difference - 1` sets bit 7 while `difference` has
        /// it clear.
        @inline(__always)
        func matches(_ lowered: Lanes) -> Lanes {
            // More than eight: every run start is flagged, and `TermInitials.contains` decides.
            if count > 8 { return Lanes(repeating: 0x80) }
            @inline(__always) func equal(_ wanted: Lanes) -> Lanes {
                let difference: Lanes = lowered ^ wanted
                let borrowed: Lanes = difference &- Lanes(repeating: 1)
                return borrowed & ~difference
            }
            var result: Lanes = equal(bytes.0) | equal(bytes.1)
            if count > 2 { result |= equal(bytes.2) | equal(bytes.3) }
            if count > 4 { result |= equal(bytes.4) | equal(bytes.5) | equal(bytes.6) | equal(bytes.7) }
            return result
        }
    }
}
