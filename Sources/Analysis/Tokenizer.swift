/// A token before stemming: folded UTF-8 in the tokenizer's scratch buffer.
struct RawToken {
    var term: UnsafeBufferPointer<UInt8>
    var position: UInt32
    var sourceRange: Range<Int>
    var isCompoundWhole: Bool
}

/// Splits UTF-8 bytes into folded words, yielding them one at a time.
///
/// ASCII takes one table load per byte; only bytes ≥ 0x80 are decoded and classified through
/// `UnicodeTable`. Invalid UTF-8 bytes are separators. See `Analyzer` for the rules.
///
/// - Warning: the tokenizer works in a caller-provided workspace (`workspaceBytes`, usually on
///   the stack) that must outlive it; a returned `term` points into that memory and is
///   overwritten by the next call to `next()`.
struct Tokenizer: ~Copyable {
    /// Longest term kept, in folded bytes; longer words (base64, hashes) are skipped but still
    /// take their positions.
    static let maxTermBytes = 64
    /// Scratch space for one word with all its parts; a longer word is skipped whole.
    static let maxWordBytes = 256
    /// A chain of more parts than this is split into several words.
    static let maxSegments = 16
    /// Bytes kept for one CJK character with its marks.
    static let maxCJKCharacterBytes = 32

    /// Bytes of workspace a tokenizer needs: its segment table, then its scratch text.
    static let workspaceBytes = maxSegments * MemoryLayout<Segment>.stride + maxWordBytes + 2 * maxCJKCharacterBytes

    /// One part of a word: a run of letters and digits between joiners.
    ///
    /// Scratch offsets (at most `maxWordBytes`) are stored in 32 bits and the character count
    /// only up to 2 (all that matters is whether it is 1), so a segment takes 32 bytes: the
    /// analyzer's workspace then fits the 1 KiB that `withUnsafeTemporaryAllocation` keeps on
    /// the stack instead of allocating on the heap for every text.
    struct Segment {
        private var storedStart: Int32 = 0, storedEnd: Int32 = 0
        var sourceStart = 0, sourceEnd = 0
        /// Characters in the segment, counted up to 2.
        private(set) var characters: Int32 = 0
        var isNumeric = true
        var joinedByDot = false
        var isAcronym = false

        init(start: Int = 0, sourceStart: Int, joinedByDot: Bool = false) {
            storedStart = Int32(start)
            self.sourceStart = sourceStart
            self.joinedByDot = joinedByDot
        }

        /// Where the segment's folded bytes start and end in the scratch text.
        var start: Int {
            get { Int(storedStart) }
            set { storedStart = Int32(newValue) }
        }
        var end: Int {
            get { Int(storedEnd) }
            set { storedEnd = Int32(newValue) }
        }

        mutating func addCharacters(_ count: Int) {
            characters = Int32(min(Int(characters) + count, 2))
        }
    }

    let text: UnsafeBufferPointer<UInt8>
    let table = UnicodeTable.shared
    let classes: UnsafePointer<UInt32>
    let alphanumerics: UnsafePointer<UInt8>
    let scratch: UnsafeMutablePointer<UInt8>
    private let segments: UnsafeMutablePointer<Segment>
    var cursor = 0
    var position: UInt32 = 0
    var used = 0
    private var overflowed = false
    private var segmentCount = 0
    private var nextSegment = 0
    private var wholePending = false
    private var wordPosition: UInt32 = 0
    var cjk = CJKRun()

    /// - Parameter workspace: `workspaceBytes` bytes aligned for `Int`, owned by the caller.
    init(_ text: UnsafeBufferPointer<UInt8>, workspace: UnsafeMutableRawPointer) {
        self.text = text
        classes = table.ascii
        alphanumerics = table.asciiAlphanumerics
        segments = workspace.bindMemory(to: Segment.self, capacity: Self.maxSegments)
        let scratchStart = workspace + Self.maxSegments * MemoryLayout<Segment>.stride
        scratch = scratchStart.bindMemory(to: UInt8.self, capacity: Self.workspaceBytes - Self.maxSegments * MemoryLayout<Segment>.stride)
    }

    /// Whether every token of the text before `cursor` has been returned: no part of a word
    /// nor bigram of a CJK run is pending. A caller may then move `cursor` to the start of a
    /// later word (see `Analyzer.analyze(_:initials:_:)`).
    var isBetweenWords: Bool { !wholePending && nextSegment >= segmentCount && !cjk.active }

    /// The next token, or nil at the end of the text.
    ///
    /// Inlined: called once per token by indexing's loop, where a call returning the token
    /// through memory cost 3 % of the analysis.
    @inline(__always)
    mutating func next() -> RawToken? {
        if let token = nextPending() { return token }
        if cjk.active, let token = nextCJK() { return token }
        let count = text.count
        while cursor < count {
            let byte = text[cursor]
            let entry: UInt32
            let length: Int
            if byte < 0x80 {
                entry = classes[Int(byte)]
                length = 1
            } else {
                let (scalar, decoded) = decode(at: cursor)
                guard decoded > 0 else {
                    cursor += 1
                    continue
                }
                entry = table.entry(scalar)
                length = decoded
            }
            switch UnicodeTable.cls(entry) {
            case .letter, .digit:
                scanWord()
                if let token = nextPending() { return token }
            case .cjk:
                cjk = CJKRun(active: true)
                if let token = nextCJK() { return token }
            default:
                cursor += length
            }
        }
        return nil
    }

    // MARK: Words

    /// Reads one word starting at `cursor` (a letter or digit) into `segments`.
    private mutating func scanWord() {
        used = 0
        overflowed = false
        segmentCount = 0
        var segment = Segment(sourceStart: cursor)
        var lastWasDigit = false
        let count = text.count
        scan: while cursor < count {
            let byte = text[cursor]
            let entry: UInt32
            let length: Int
            if byte < 0x80 {
                if alphanumerics[Int(byte)] != 0 {
                    scanASCIIRun(&segment, lastWasDigit: &lastWasDigit)
                    continue
                }
                entry = classes[Int(byte)]
                length = 1
            } else {
                let (scalar, decoded) = decode(at: cursor)
                guard decoded > 0 else { break scan }
                entry = table.entry(scalar)
                length = decoded
            }
            switch UnicodeTable.cls(entry) {
            case .letter, .digit:
                appendFolded(entry, length: length)
                segment.addCharacters(1)
                lastWasDigit = UnicodeTable.cls(entry) == .digit
                segment.isNumeric = segment.isNumeric && lastWasDigit
                cursor += length
                segment.sourceEnd = cursor
            case .mark:
                appendFolded(entry, length: length)
                cursor += length
                segment.sourceEnd = cursor
            case .ignorable:
                cursor += length
            case .apostrophe:
                let after = cursor + length
                guard startsWord(at: after) else { break scan }
                if isPossessiveS(at: after) {
                    cursor = after + 1
                    segment.sourceEnd = cursor
                    break scan
                }
                cursor = after
            case .dot, .hyphen:
                let after = cursor + length
                let isDot = UnicodeTable.cls(entry) == .dot
                if isDot && lastWasDigit && after < count && text[after] &- UInt8(ascii: "0") < 10 {
                    append(UInt8(ascii: "."))
                    cursor = after
                    continue
                }
                guard startsWord(at: after), segmentCount + 1 < Self.maxSegments else { break scan }
                segment.end = used
                segments[segmentCount] = segment
                segmentCount += 1
                cursor = after
                segment = Segment(start: used, sourceStart: cursor, joinedByDot: isDot)
                lastWasDigit = false
            default:
                break scan
            }
        }
        segment.end = used
        segments[segmentCount] = segment
        segmentCount += 1
        if segmentCount > 1 { mergeAcronyms() }
        prepareEmission()
    }

    /// Copies a run of ASCII letters and digits, lowercased: the loop nearly all text spends
    /// its time in, kept free of everything the general path checks.
    ///
    /// The table and scratch pointers are read into locals first: as properties of `self`
    /// (memory the scratch stores might alias, as far as the compiler knows) they were reloaded
    /// for every byte.
    @inline(__always)
    private mutating func scanASCIIRun(_ segment: inout Segment, lastWasDigit: inout Bool) {
        let count = text.count
        let text = text, alphanumerics = alphanumerics, scratch = scratch
        var index = cursor
        var out = used
        var kinds: UInt8 = 0
        var last: UInt8 = 0
        while index < count {
            let byte = text[index]
            let kind = alphanumerics[Int(byte)]
            if kind == 0 { break }
            if out < Self.maxWordBytes {
                scratch[out] = byte | 0x20  // lowercases letters; digits already have 0x20 set
                out += 1
            } else {
                overflowed = true
            }
            kinds |= kind
            last = kind
            index += 1
        }
        segment.addCharacters(index - cursor)
        if kinds & UnicodeTable.asciiLetter != 0 { segment.isNumeric = false }
        lastWasDigit = last == UnicodeTable.asciiDigit
        cursor = index
        used = out
        segment.sourceEnd = index
    }

    /// Joins dot-separated single letters (`U.S.A.`) into one segment: an acronym is one term.
    private mutating func mergeAcronyms() {
        var kept = 1
        for index in 1..<segmentCount {
            let segment = segments[index]
            let previous = segments[kept - 1]
            let previousIsLetter = previous.isAcronym || (previous.characters == 1 && !previous.isNumeric)
            if segment.joinedByDot && previousIsLetter && segment.characters == 1 && !segment.isNumeric {
                segments[kept - 1].end = segment.end
                segments[kept - 1].sourceEnd = segment.sourceEnd
                segments[kept - 1].isAcronym = true
            } else {
                segments[kept] = segment
                kept += 1
            }
        }
        segmentCount = kept
    }

    /// Decides what the scanned word yields: a compound's whole form first (at the first
    /// part's position), then each part at consecutive positions.
    private mutating func prepareEmission() {
        wordPosition = position
        position &+= UInt32(segmentCount)
        nextSegment = overflowed ? segmentCount : 0
        guard segmentCount > 1 else {
            wholePending = false
            return
        }
        var allNumeric = true
        for index in 0..<segmentCount where !segments[index].isNumeric { allNumeric = false }
        wholePending = !overflowed && segmentCount > 1 && !allNumeric
            && used - segments[0].start <= Self.maxTermBytes
    }

    private mutating func nextPending() -> RawToken? {
        if wholePending {
            wholePending = false
            let first = segments[0]
            let last = segments[segmentCount - 1]
            return RawToken(
                term: UnsafeBufferPointer(start: scratch + first.start, count: last.end - first.start),
                position: wordPosition, sourceRange: first.sourceStart..<last.sourceEnd, isCompoundWhole: true)
        }
        while nextSegment < segmentCount {
            let index = nextSegment
            let segment = segments[index]
            nextSegment += 1
            let length = segment.end - segment.start
            guard length > 0 && length <= Self.maxTermBytes else { continue }
            return RawToken(
                term: UnsafeBufferPointer(start: scratch + segment.start, count: length),
                position: wordPosition &+ UInt32(index), sourceRange: segment.sourceStart..<segment.sourceEnd,
                isCompoundWhole: false)
        }
        return nil
    }

    /// Whether a letter or digit (not CJK) starts at `index`.
    ///
    /// `mutating` (like `isPossessiveS`) though it changes nothing: so the tokenizer is passed
    /// by reference; called from `scanWord` as a non-mutating method it was copied whole
    /// (241 bytes today) at every hyphen, dot and apostrophe.
    private mutating func startsWord(at index: Int) -> Bool {
        guard index < text.count else { return false }
        let cls = UnicodeTable.cls(entry(at: index).entry)
        return cls == .letter || cls == .digit
    }

    /// An `s` after an apostrophe that ends the word: a possessive, dropped with the apostrophe.
    private mutating func isPossessiveS(at index: Int) -> Bool {
        guard text[index] | 0x20 == UInt8(ascii: "s") else { return false }
        guard index + 1 < text.count else { return true }
        let cls = UnicodeTable.cls(entry(at: index + 1).entry)
        return cls != .letter && cls != .digit && cls != .mark
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        guard used < Self.maxWordBytes else {
            overflowed = true
            return
        }
        scratch[used] = byte
        used += 1
    }

    /// Appends the folded form of the character at `cursor` (its own bytes when it has none).
    @inline(__always)
    mutating func appendFolded(_ entry: UInt32, length: Int) {
        if entry & UnicodeTable.foldFlag != 0 {
            for byte in table.fold(entry) { append(byte) }
        } else {
            for offset in 0..<length { append(text[cursor + offset]) }
        }
    }

    /// The packed class entry and byte length of the character at `index`; an invalid UTF-8
    /// byte reads as a one-byte separator.
    @inline(__always)
    func entry(at index: Int) -> (entry: UInt32, length: Int) { Self.entry(in: text, at: index, table: table) }

    /// `entry(at:)` for callers without a tokenizer (see `forEachWanted`).
    @inline(__always)
    static func entry(in text: UnsafeBufferPointer<UInt8>, at index: Int, table: UnicodeTable) -> (entry: UInt32, length: Int) {
        guard index < text.count else { return (0, 0) }
        let byte = text[index]
        if byte < 0x80 { return (table.ascii[Int(byte)], 1) }
        let (scalar, length) = decode(text, at: index)
        return length == 0 ? (0, 1) : (table.entry(scalar), length)
    }

    @inline(__always)
    private func decode(at index: Int) -> (scalar: UInt32, length: Int) { Self.decode(text, at: index) }

    /// Decodes the scalar starting at `index` (a byte ≥ 0x80); length 0 for invalid UTF-8
    /// (overlong forms, surrogates, truncated sequences, stray continuation bytes).
    @inline(__always)
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let count = text.count
        let b0 = UInt32(text[index])
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = text[index + offset]
            return byte >= low && byte <= high ? UInt32(byte & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let b1 = continuation(1) else { return (0, 0) }
            return ((b0 & 0x1F) << 6 | b1, 2)
        case 0xE0...0xEF:
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let b1 = continuation(1, low, high), let b2 = continuation(2) else { return (0, 0) }
            return ((b0 & 0x0F) << 12 | b1 << 6 | b2, 3)
        case 0xF0...0xF4:
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let b1 = continuation(1, low, high), let b2 = continuation(2), let b3 = continuation(3) else {
                return (0, 0)
            }
            return ((b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
        default:
            return (0, 0)
        }
    }
}
