#!/usr/bin/env python3
"""Generates Sources/CUnicodeTables/UnicodeTables.c: character classes and folds as constant data.

The tables are generated once and committed, so the analyzer gives the same terms on every
platform and Swift version (an index written today must match queries analysed tomorrow). They
are C arrays, not Swift, so the compiler lays them out in the binary: a cold `citex search` pays
nothing to build them (building them from text at start-up cost about a quarter of a call).
Rerun after changing the rules below:  python3 Scripts/analysis_tables.py

Fold of one character = NFKD, case fold, drop the diacritic marks listed in STRIPPED_MARKS,
NFKC; plus a few letters that Unicode does not decompose (ø, æ, ł, þ...). A fold whose result
would contain a non-word character (½ → 1⁄2) or start with a mark is not applied.
"""
import os
import sys
import unicodedata

# Character classes, kept in sync with UnicodeTable.Class in Swift.
SEPARATOR, LETTER, DIGIT, MARK, CJK, IGNORABLE, APOSTROPHE, HYPHEN, DOT = range(9)
# Packed entry bits and the ASCII alphanumerics values, kept in sync with UnicodeTable.
FOLD_FLAG = 0x10
# BMP entries come in blocks of this many scalars; identical blocks are stored once.
BMP_BLOCK = 64
ASCII_LETTER, ASCII_DIGIT = 1, 2

# Generic combining diacritics (Latin, Greek, Cyrillic), Hebrew points and Arabic harakat:
# optional marks that users leave out when typing a query. Script-essential marks (Indic
# vowel signs, viramas, kana voicing marks) are kept.
STRIPPED_MARKS = [
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x05BF, 0x05BF), (0x05C1, 0x05C2),
    (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670),
    (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
]

CJK_RANGES = [
    (0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3031, 0x3035),
    (0x3038, 0x303C), (0x3041, 0x309F), (0x30A0, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7AF), (0xD7B0, 0xD7FF),
    (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0xFFA0, 0xFFDC), (0x1B000, 0x1B16F),
    (0x20000, 0x3FFFF),
]

# Letters without a Unicode decomposition that a reader nonetheless treats as base + mark
# or as a ligature.
EXTRA_FOLDS = {
    "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i",
    "ħ": "h", "ŧ": "t", "ŀ": "l", "ƀ": "b", "ɨ": "i", "ʉ": "u", "ĳ": "ij",
}

APOSTROPHES = {0x2019, 0x02BC}
HYPHENS = {0x2010, 0x2011}


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def char_class(cp):
    """The tokenizer class of one code point (ASCII is handled by a table in Swift)."""
    if cp in APOSTROPHES:
        return APOSTROPHE
    if cp in HYPHENS:
        return HYPHEN
    cat = unicodedata.category(chr(cp))
    if cat == "Cf":
        return IGNORABLE
    if cat[0] == "M":
        return MARK
    if in_ranges(cp, CJK_RANGES) and (cat[0] == "L" or cat == "Nl"):
        return CJK
    if cat == "Nd":
        return DIGIT
    if cat[0] == "L" or cat in ("Nl", "No"):
        return LETTER
    return SEPARATOR


def is_word_class(c):
    return c in (LETTER, DIGIT, MARK, CJK)


def strip_marks(s):
    return "".join(ch for ch in s if not in_ranges(ord(ch), STRIPPED_MARKS))


def fold_once(s):
    s = unicodedata.normalize("NFKD", s).casefold()
    s = strip_marks(unicodedata.normalize("NFKD", s))
    s = "".join(EXTRA_FOLDS.get(ch, ch) for ch in s)
    return unicodedata.normalize("NFKC", s)


def fold_char(ch):
    """The folded form of one character, or the character itself when folding does not apply."""
    cp = ord(ch)
    if char_class(cp) in (MARK,) and in_ranges(cp, STRIPPED_MARKS):
        return ""
    if not is_word_class(char_class(cp)):
        return ch
    s = ch
    for _ in range(4):  # fold to a fixed point (e.g. a fold that yields a foldable letter)
        t = fold_once(s)
        if t == s:
            break
        s = t
    if s and not all(is_word_class(char_class(ord(c))) for c in s):
        return ch
    if s and char_class(ord(s[0])) == MARK:  # Thai/Lao sara am: a word cannot start with a mark
        return ch
    return s


def fold(text):
    """Folds a whole word the way the Swift analyzer does, character by character."""
    out = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch.lower())
        else:
            out.append(fold_char(ch))
    return "".join(out)


def code_points():
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        yield cp


def packed_tables(runs, folds):
    """The tables exactly as `UnicodeTable` reads them: packed BMP entries, fold arena,
    supplementary class runs and supplementary folds (see the layout in UnicodeTable.swift)."""
    starts = [0] + [cp for cp, _ in runs]
    classes = [SEPARATOR] + [c for _, c in runs]
    bmp = [0] * 0x10000
    run = 0
    for cp in range(0x10000):
        while run + 1 < len(starts) and starts[run + 1] <= cp:
            run += 1
        bmp[cp] = classes[run]
    for byte in range(0x80):
        bmp[byte] = ascii_class(byte)
    arena = [0]  # offset 0: the empty fold
    supplementary_folds = []
    for cp, f in folds:
        data = list(f.encode("utf-8"))
        offset = 0
        if data:
            offset = len(arena)
            arena.append(len(data))
            arena.extend(data)
        if cp < 0x10000:
            bmp[cp] |= FOLD_FLAG | offset << 8
        else:
            supplementary_folds.append((cp, offset))
    assert len(arena) < 1 << 24
    first = max(i for i, start in enumerate(starts) if start <= 0x10000)
    supplementary_runs = list(zip(starts[first:], classes[first:]))
    blocks = {}
    block_index = [blocks.setdefault(tuple(bmp[start:start + BMP_BLOCK]), len(blocks))
                   for start in range(0, 0x10000, BMP_BLOCK)]
    assert len(blocks) <= 256 and block_index[:0x80 // BMP_BLOCK] == list(range(0x80 // BMP_BLOCK))
    block_data = [entry for block in sorted(blocks, key=blocks.get) for entry in block]
    alphanumerics = [{LETTER: ASCII_LETTER, DIGIT: ASCII_DIGIT}.get(ascii_class(b), 0) for b in range(256)]
    return block_index, block_data, arena, supplementary_runs, supplementary_folds, alphanumerics


def ascii_class(byte):
    """ASCII classes (ASCII letters fold by `| 0x20`, so they carry no fold entry)."""
    ch = chr(byte)
    if not ch.isascii():
        return SEPARATOR
    if ch.isalpha():
        return LETTER
    if ch.isdigit():
        return DIGIT
    return {"'": APOSTROPHE, "-": HYPHEN, "_": HYPHEN, ".": DOT}.get(ch, SEPARATOR)


def c_array(out, ctype, name, values, per_line, fmt):
    out.write("static const %s %s[%d] = {\n" % (ctype, name, len(values)))
    for i in range(0, len(values), per_line):
        out.write("    " + ", ".join(fmt % v for v in values[i:i + per_line]) + ",\n")
    out.write("};\n\n")


def main():
    runs = []
    folds = []
    previous = None
    for cp in code_points():
        c = char_class(cp)
        if c != previous:
            runs.append((cp, c))
            previous = c
        f = fold_char(chr(cp))
        if f != chr(cp):
            folds.append((cp, f))
    block_index, block_data, arena, sup_runs, sup_folds, alphanumerics = packed_tables(runs, folds)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, "Sources", "CUnicodeTables", "UnicodeTables.c")
    with open(path, "w", encoding="utf-8") as out:
        out.write("// Generated by Scripts/analysis_tables.py from Unicode %s. Do not edit.\n"
                  % unicodedata.unidata_version)
        out.write("// Constant data laid out by the compiler: nothing runs at start-up.\n\n")
        out.write('#include "UnicodeTables.h"\n\n')
        c_array(out, "uint8_t", "blockIndex", block_index, 16, "%d")
        c_array(out, "uint32_t", "blocks", block_data, 8, "0x%X")
        c_array(out, "uint8_t", "arena", arena, 16, "0x%02X")
        c_array(out, "uint8_t", "alphanumerics", alphanumerics, 16, "%d")
        c_array(out, "uint32_t", "runStarts", [s for s, _ in sup_runs], 8, "0x%X")
        c_array(out, "uint8_t", "runClasses", [c for _, c in sup_runs], 16, "%d")
        c_array(out, "uint32_t", "foldScalars", [s for s, _ in sup_folds], 8, "0x%X")
        c_array(out, "uint32_t", "foldOffsets", [o for _, o in sup_folds], 8, "%d")
        out.write("const CitexUnicodeTables citex_unicode_tables = {\n")
        out.write("    blockIndex, blocks, arena, alphanumerics,\n")
        out.write("    runStarts, runClasses, %d,\n" % len(sup_runs))
        out.write("    foldScalars, foldOffsets, %d,\n" % len(sup_folds))
        out.write("};\n")
    print("%d class runs (%d from U+10000), %d folds, %d BMP blocks, %d arena bytes -> %s"
          % (len(runs), len(sup_runs), len(folds), len(block_data) // BMP_BLOCK, len(arena), path),
          file=sys.stderr)


if __name__ == "__main__":
    main()
