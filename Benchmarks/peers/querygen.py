"""Seeded query set drawn from the passages themselves.

Every query is built from words of one randomly chosen passage, so each has at least one
matching passage in every engine, and the same seed over the same passages gives the same
queries. Words are lower-case ASCII letters only (no digits, no punctuation): the engines
tokenize those identically, so differences in results come from ranking, not tokenization.
"""
import json
import random
import re

#: Queries per class in a full run (about 1,000 in all); `--quick` takes a fraction.
CLASS_SIZES = {"1w": 200, "2w": 200, "3w": 150, "5w": 150, "phrase2": 150, "phrase3": 150}

# Common English function words: never sampled as query words, allowed inside phrases.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers him his how i if in into is it its itself just me more most my
no nor not now of off on once only or other our out over own same she should so some such than
that the their them then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours may might must shall
one two use used using see also new get set none true false
""".split())

_WORD = re.compile(r"[A-Za-z]+")
_TOKEN = re.compile(r"\S+")


def _content_words(text):
    """Lower-cased letter-only words of 3+ letters that are not stopwords, in text order."""
    return [w.lower() for w in _WORD.findall(text) if len(w) >= 3 and w.lower() not in STOPWORDS]


def _phrase(text, length, rng):
    """A run of `length` consecutive whitespace-separated tokens made only of letters, not
    starting or ending on a stopword, or None when the passage has none."""
    tokens = _TOKEN.findall(text)
    starts = list(range(len(tokens) - length + 1))
    rng.shuffle(starts)
    for start in starts[:40]:
        run = tokens[start:start + length]
        if not all(t.isascii() and t.isalpha() for t in run):
            continue
        words = [t.lower() for t in run]
        if words[0] in STOPWORDS or words[-1] in STOPWORDS or len(words[0]) < 3 or len(words[-1]) < 3:
            continue
        return words
    return None


def load_texts(passages_path, limit=None):
    """Passage texts from a passages JSONL file (one document per line)."""
    texts = []
    with open(passages_path, encoding="utf-8") as f:
        for line in f:
            for p in json.loads(line).get("passages", []):
                if p.get("text"):
                    texts.append(p["text"])
    return texts


def generate(texts, seed, scale=1.0):
    """Queries as dicts: qid, cls, words (list of str), phrase (bool).

    `scale` shrinks every class proportionally (at least 10 each) for quick runs."""
    rng = random.Random(seed)
    queries = []
    for cls, size in CLASS_SIZES.items():
        want = max(10, int(size * scale))
        seen = set()
        attempts = 0
        while len(seen) < want and attempts < want * 200:
            attempts += 1
            text = texts[rng.randrange(len(texts))]
            if cls.startswith("phrase"):
                words = _phrase(text, int(cls[-1]), rng)
            else:
                k = int(cls[0])
                pool = list(dict.fromkeys(_content_words(text)))
                words = sorted(rng.sample(pool, k), key=pool.index) if len(pool) >= k else None
            if not words or tuple(words) in seen:
                continue
            seen.add(tuple(words))
            queries.append({"qid": f"{cls}-{len(seen):04d}", "cls": cls, "words": words,
                            "phrase": cls.startswith("phrase")})
    return queries


def citex_syntax(q):
    """The query as typed to `citex search`: bare words (ranked OR), or one quoted phrase."""
    text = " ".join(q["words"])
    return f'"{text}"' if q["phrase"] else text
