"""SQLite FTS5 through Python's sqlite3: `porter unicode61` tokenizer, ranked by `bm25()` (its default `rank`)."""
import os
import sqlite3


def build(passages, directory):
    os.makedirs(directory, exist_ok=True)
    db = sqlite3.connect(os.path.join(directory, "fts5.db"))
    db.execute("CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, path UNINDEXED, title, section, text, "
               "tokenize = 'porter unicode61')")
    with db:
        db.executemany("INSERT INTO p(id, path, title, section, text) VALUES (?, ?, ?, ?, ?)",
                       ((x.id, x.path, x.title, x.section, x.text) for x in passages))
    with db:
        db.execute("INSERT INTO p(p) VALUES ('optimize')")  # one b-tree, like the merged peers
    db.close()


class Searcher:
    def __init__(self, directory):
        self.db = sqlite3.connect(os.path.join(directory, "fts5.db"))

    def search(self, q, k):
        if q["phrase"]:
            match = '"' + " ".join(q["words"]) + '"'
        else:  # FTS5 ANDs bare words; OR them to match the other engines' ranked OR
            match = " OR ".join(f'"{w}"' for w in q["words"])
        rows = self.db.execute("SELECT id, title, text FROM p WHERE p MATCH ? ORDER BY rank LIMIT ?",
                               (match, k)).fetchall()
        return [r[0] for r in rows]
