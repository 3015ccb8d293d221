"""Xapian through Debian's python3-xapian: BM25 (k1 = 1.2, b = 0.75), English stemmer, positions.

The build ends with a compaction (counted in its time): a freshly written glass database keeps
its B-tree blocks part-empty, and comparing that with merged Tantivy segments or an optimized
FTS5 table would overstate Xapian's size several times.
"""
import json
import shutil

import xapian


def build(passages, directory):
    scratch = directory.rstrip("/") + ".uncompacted"
    db = xapian.WritableDatabase(scratch, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("english"))
    for p in passages:
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(p.title)
        tg.increase_termpos()
        tg.index_text(p.section)
        tg.increase_termpos()
        tg.index_text(p.text)
        doc.add_boolean_term("Q" + p.id)
        doc.set_data(json.dumps({"id": p.id, "path": p.path, "title": p.title, "text": p.text}))
        db.add_document(doc)
    db.commit()
    db.close()
    xapian.Database(scratch).compact(directory)
    shutil.rmtree(scratch)


class Searcher:
    def __init__(self, directory):
        self.db = xapian.Database(directory)
        self.enquire = xapian.Enquire(self.db)
        # BM25Weight(k1, k2, k3, b, min_normlen)
        self.enquire.set_weighting_scheme(xapian.BM25Weight(1.2, 0, 1, 0.75, 0.5))
        self.qp = xapian.QueryParser()
        self.qp.set_stemmer(xapian.Stem("english"))
        self.qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        self.qp.set_database(self.db)
        self.qp.set_default_op(xapian.Query.OP_OR)

    def search(self, q, k):
        text = " ".join(q["words"])
        query = self.qp.parse_query(f'"{text}"' if q["phrase"] else text, xapian.QueryParser.FLAG_PHRASE)
        self.enquire.set_query(query)
        return [json.loads(m.document.get_data())["id"] for m in self.enquire.get_mset(0, k)]
