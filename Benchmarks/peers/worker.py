"""One peer engine in its own process: `build` an index from passages, or `search` a query set.

Usage: worker.py build ENGINE PASSAGES.jsonl INDEX_DIR OUT.json
       worker.py search ENGINE INDEX_DIR QUERIES.json OUT.json K PASSES

The parent (bench.py) measures the process from outside (wall, CPU, peak RSS through wait4);
this side times only the work itself, so interpreter start-up and imports are not charged.
"""
import importlib
import json
import resource
import sys
import time


def _peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def build(engine, passages_path, directory, out):
    import passages
    loaded = passages.load(passages_path)
    baseline = _peak_rss_bytes()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    engine.build(loaded, directory)
    result = {"build_s": time.perf_counter() - wall0, "cpu_s": time.process_time() - cpu0,
              "passages": len(loaded), "rss_loaded_bytes": baseline, "rss_peak_bytes": _peak_rss_bytes()}
    with open(out, "w") as f:
        json.dump(result, f)


#: A warm-up pass slower than this gets one timed pass, not `passes`: at tens of milliseconds a
#: query, preemption is noise the fastest-of-N filter is not needed for, and the run stays bounded.
SLOW_PASS_S = 30


def search(engine, directory, queries_path, out, k, passes):
    """A warm-up pass, then `passes` timed passes; each query keeps its fastest time."""
    with open(queries_path) as f:
        queries = json.load(f)
    searcher = engine.Searcher(directory)
    warm0 = time.perf_counter()
    for q in queries:
        searcher.search(q, k)
    if time.perf_counter() - warm0 > SLOW_PASS_S:
        passes = 1
    rows = [{"qid": q["qid"], "ms": float("inf"), "hits": []} for q in queries]
    wall0 = time.perf_counter()
    for _ in range(passes):
        for q, row in zip(queries, rows):
            t0 = time.perf_counter()
            row["hits"] = searcher.search(q, k)
            row["ms"] = min(row["ms"], (time.perf_counter() - t0) * 1000)
    with open(out, "w") as f:
        json.dump({"timed_s": time.perf_counter() - wall0, "passes": passes, "queries": rows}, f)


def main(argv):
    mode, name = argv[1], argv[2]
    engine = importlib.import_module("peer_" + name)
    if mode == "build":
        build(engine, argv[3], argv[4], argv[5])
    elif mode == "search":
        search(engine, argv[3], argv[4], argv[5], int(argv[6]), int(argv[7]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv)
