"""Tantivy through its Python binding: one indexing thread, `en_stem`, positions, stored text."""
import os

import tantivy

HEAP_BYTES = 128_000_000


def _schema():
    b = tantivy.SchemaBuilder()
    b.add_text_field("id", stored=True, tokenizer_name="raw")
    b.add_text_field("path", stored=True, tokenizer_name="raw")
    for name in ("title", "section", "text"):
        b.add_text_field(name, stored=True, tokenizer_name="en_stem", index_option="position")
    return b.build()


def build(passages, directory):
    os.makedirs(directory, exist_ok=True)
    index = tantivy.Index(_schema(), path=directory)
    writer = index.writer(heap_size=HEAP_BYTES, num_threads=1)
    for p in passages:
        writer.add_document(tantivy.Document(id=p.id, path=p.path, title=p.title, section=p.section, text=p.text))
    writer.commit()
    writer.wait_merging_threads()


class Searcher:
    def __init__(self, directory):
        self.index = tantivy.Index.open(directory)
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, q, k):
        text = " ".join(q["words"])
        query = self.index.parse_query(f'"{text}"' if q["phrase"] else text, ["title", "section", "text"])
        hits = []
        for _score, address in self.searcher.search(query, k).hits:
            # doc() decompresses and decodes every stored field (title, section, text), as a results page must
            hits.append(self.searcher.doc(address)["id"][0])
        return hits
