#!/usr/bin/env python3
"""Regenerates porter2-vocabulary.tsv: `word<TAB>expected term`, from the reference stemmer.

    pip install PyStemmer && apt-get install wamerican
    python3 Tests/AnalysisTests/Fixtures/make-vocabulary.py

Words: every distinct a-z word of the Cranfield documents and the seed text, every 3rd
lowercase a-z word of /usr/share/dict/words, and the dictionary's words with non-ASCII letters.
The expected term is PyStemmer's English (Porter2) stem of the word folded the way citex folds
(Scripts/analysis_tables.py), so non-ASCII lines check folding and stemming together.
"""
import glob
import os
import re
import sys

import Stemmer

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(ROOT, "Scripts"))
from analysis_tables import fold  # noqa: E402

SOURCES = ["/work/shared/eval/cranfield/docs/*.xml", "/work/shared/seed/*"]
DICTIONARY = "/usr/share/dict/words"


def main():
    words = set()
    for pattern in SOURCES:
        for path in glob.glob(pattern):
            with open(path, encoding="utf-8", errors="replace") as f:
                text = re.sub(r"<[^>]*>", " ", f.read()).lower()
            words.update(re.findall(r"(?<![a-z0-9'’.\-_])[a-z]+(?![a-z0-9'’\-_]|\.[a-z0-9])", text))
    accented = set()
    with open(DICTIONARY, encoding="utf-8") as f:
        for index, line in enumerate(f):
            word = line.strip()
            if re.fullmatch(r"[a-z]+", word):
                if index % 3 == 0:
                    words.add(word)
            elif re.fullmatch(r"\w+", word) and not word.isascii() and not re.search(r"[\d_]", word):
                accented.add(word)
    stemmer = Stemmer.Stemmer("english")
    rows = sorted(words) + sorted(accented)
    with open(os.path.join(HERE, "porter2-vocabulary.tsv"), "w", encoding="utf-8") as out:
        for word in rows:
            out.write("%s\t%s\n" % (word, stemmer.stemWord(fold(word))))
    print("%d words (%d non-ASCII)" % (len(rows), len(accented)), file=sys.stderr)


if __name__ == "__main__":
    main()
