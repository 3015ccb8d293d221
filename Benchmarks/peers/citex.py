"""The citex side of the benchmark: release build, end-to-end indexing, stats, extract, search.

Every step tolerates a missing or failing command: it returns None (or a result whose `ok` is
False) and the report prints "n/a" for citex while the peers still run.
"""
import json
import os
import statistics
import subprocess

import measure
from querygen import citex_syntax


def build(repo, log, timeout):
    """`swift build -c release`; the path of the citex binary, or None. Also builds the
    passages-only `index-benchmark` (best effort: without it those figures read n/a)."""
    r = measure.run(["swift", "build", "-c", "release", "--product", "citex"], cwd=repo, log=log, timeout=timeout)
    if not r["ok"]:
        return None, r
    measure.run(["swift", "build", "-c", "release", "--package-path", "Benchmarks", "--product", "index-benchmark"],
                cwd=repo, log=log, timeout=timeout)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=repo,
                          capture_output=True, text=True).stdout.strip()
    binary = os.path.join(path, "citex")
    return (binary if os.access(binary, os.X_OK) else None), r


def index(binary, dirs, corpus, index_dir, log, timeout):
    return measure.run([binary, "index", *dirs, "--index", index_dir], cwd=corpus, log=log, timeout=timeout)


def index_from_passages(repo, pfile, out, log, timeout):
    """Indexing alone from the peers' passages file (`Benchmarks` release `index-benchmark --json`):
    the figures, or None when the executable was not built or failed. Build it with
    `swift build -c release --package-path Benchmarks --product index-benchmark`."""
    binary = os.path.join(repo, "Benchmarks", ".build", "release", "index-benchmark")
    if not os.access(binary, os.X_OK):
        return None
    return _json_output([binary, pfile, "--json"], out, log, timeout)


def stats(binary, index_dir, log):
    """`citex stats --format json` parsed, or None."""
    out = index_dir.rstrip("/") + ".stats.json"
    return _json_output([binary, "stats", "--index", index_dir, "--format", "json"], out, log, 120)


def _json_output(command, out, log, timeout):
    """Runs `command` with stdout to `out` and returns the JSON it printed, or None."""
    r = measure.run(command, stdout=out, log=log, timeout=timeout)
    if not r["ok"]:
        return None
    try:
        with open(out) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def extract(binary, dirs, corpus, out, log, timeout):
    r = measure.run([binary, "extract", *dirs, "--format", "json"], cwd=corpus, stdout=out, log=log, timeout=timeout)
    if r["ok"] and os.path.getsize(out) == 0:
        r.update(ok=False, error="empty output")
    return r


def _write_queries(path, queries, prefix="", mode="w"):
    """`qid<TAB>query` lines, the `--queries` input format (`mode` "a" appends)."""
    with open(path, mode) as f:
        for q in queries:
            f.write(f"{prefix}{q['qid']}\t{citex_syntax(q)}\n")


def _ok_search(r):
    """Search exits 1 when nothing was found and 2 when any query failed (like grep): the
    answered queries of such a batch still count; a missing query has no hits."""
    return r["rc"] in (0, 1, 2) and not r["timed_out"]


def search(binary, index_dir, queries, work, k, passes, log, timeout):
    """Run the query set in one process like the peers: a warm-up pass, then `passes` timed
    passes (the same queries again in the same file, qids prefixed); each query keeps its
    fastest `took_ms`.

    Returns {"queries": [{qid, ms, hits}], "batch": measure-result of a second batch process
    over the queries once (end-to-end time)}, or None when search is unavailable."""
    names = ("citex-passes.tsv", "citex-queries.tsv", "citex-search.jsonl")
    warm, plain, out = (os.path.join(work, n) for n in names)
    _write_queries(plain, queries)
    _write_queries(warm, queries, prefix="warm:")
    for p in range(passes):
        _write_queries(warm, queries, prefix=f"p{p}:", mode="a")
    # --per-doc 0: the top k passages whatever their documents, as the peers return them
    cmd = [binary, "search", "--index", index_dir, "--queries", "{}", "--format", "json", "-k", str(k),
           "--per-doc", "0"]
    r = measure.run([c.replace("{}", warm) for c in cmd], stdout=out, log=log, timeout=timeout)
    if not _ok_search(r):
        return None, r
    best = {}
    with open(out) as f:
        for line in f:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            tag, _, qid = str(obj.get("qid", "")).partition(":")
            if tag == "warm" or not qid:
                continue
            ms = float(obj.get("took_ms", "nan"))
            row = best.setdefault(qid, {"qid": qid, "ms": ms, "hits": []})
            row["ms"] = min(row["ms"], ms)
            row["hits"] = [str(h.get("id")) for h in obj.get("hits", [])]
    rows = list(best.values())
    for q in queries:
        if q["qid"] not in best:  # a query citex refused (its stderr is in the log)
            rows.append({"qid": q["qid"], "ms": float("nan"), "hits": [], "failed": True})
    if len(rows) == sum(1 for row in rows if row.get("failed")):
        return None, dict(r, ok=False, error="no JSON lines with a qid")
    batch = measure.run([c.replace("{}", plain) for c in cmd], stdout=os.devnull, log=log, timeout=timeout)
    batch["ok"] = _ok_search(batch)
    return {"queries": rows, "batch": batch}, r


def single_call(binary, index_dir, word, log, runs=7):
    """Median wall time of one whole CLI call (start, open, search, print 10 hits), warm OS cache."""
    times = []
    for _ in range(runs):
        r = measure.run([binary, "search", "--index", index_dir, word, "-k", "10"], log=log, timeout=60)
        if not _ok_search(r):
            return None
        times.append(r["wall_s"])
    return statistics.median(times[1:])
