"""Reading the passages JSONL that `citex extract --format json` prints (one document per line)."""
import json
from collections import namedtuple

#: One passage as every peer indexes it: the same title, section path and text citex indexed.
Passage = namedtuple("Passage", "id path title section text")


def load(path):
    """All passages of a JSONL file as `Passage` tuples; sections joined with ' / '."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            title = doc.get("title") or ""
            for p in doc.get("passages", []):
                out.append(Passage(str(p["id"]), doc.get("path") or "", title,
                                   " / ".join(s for s in p.get("section") or [] if s), p.get("text") or ""))
    return out


def summary(path):
    """Counts the benchmark reports against: documents, passages, bytes of passage text
    (UTF-8, text field only) and bytes fed to the peers (title + section + text)."""
    docs = passages = text_bytes = fed_bytes = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            docs += 1
            title = len((doc.get("title") or "").encode())
            for p in doc.get("passages", []):
                passages += 1
                t = len((p.get("text") or "").encode())
                text_bytes += t
                fed_bytes += t + title + sum(len(s.encode()) for s in p.get("section") or [])
    return {"documents": docs, "passages": passages, "text_bytes": text_bytes, "fed_bytes": fed_bytes}
