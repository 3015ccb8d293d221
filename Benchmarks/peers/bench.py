"""citex against Tantivy, Xapian, SQLite FTS5 and omindex on one corpus tier. See README § Benchmarks.

Started by ./run, which installs the peers first; `./run --help` lists the options.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile

import citex
import measure
import passages
import querygen
import report

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def parse_args(argv):
    cache = os.environ.get("CITEX_BENCH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "citex-bench")
    p = argparse.ArgumentParser(prog="Benchmarks/peers/run", description=__doc__.splitlines()[0])
    p.add_argument("--tier", default="small", choices=("small", "large", "xml"))
    p.add_argument("--corpus", help="corpus OUTDIR of build-corpus.sh (built there when the tier is missing; "
                   "default CACHE/corpus)")
    p.add_argument("--corpus-script", default=os.path.join(REPO, "..", "shared", "corpus", "build-corpus.sh"))
    p.add_argument("--passages", help="passages JSONL to feed the peers instead of `citex extract`'s")
    p.add_argument("--out", help="results directory (default CACHE/results)")
    p.add_argument("--cache", default=cache, help=f"cache directory (default {cache})")
    p.add_argument("--engines", default="citex,tantivy,xapian,fts5,omindex")
    p.add_argument("--citex", help="use this citex binary instead of building one")
    p.add_argument("--no-build", action="store_true", help="use the existing release build")
    p.add_argument("--quick", action="store_true",
                   help="a quarter of the queries and short timeouts (< 5 min on small)")
    p.add_argument("--seed", type=int, default=20260101)
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--passes", type=int, help="timed passes over the queries, each query keeping its fastest "
                   "(filters out preemption on a shared machine; default 3, quick 2)")
    p.add_argument("--timeout", type=float, help="seconds allowed per step (default 1800, quick 240)")
    p.add_argument("--keep", action="store_true", help="keep the indexes in the work directory")
    args = p.parse_args(argv)
    args.engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    args.corpus = os.path.abspath(args.corpus or os.path.join(args.cache, "corpus"))
    args.out = os.path.abspath(args.out or os.path.join(args.cache, "results"))
    args.timeout = args.timeout or (240 if args.quick else 1800)
    args.passes = args.passes or (2 if args.quick else 3)
    return args


def say(msg):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def tier_dirs(args):
    listing = os.path.join(args.corpus, "tiers", f"{args.tier}.dirs")
    if not os.path.exists(listing):
        tier = "small" if args.tier == "xml" else args.tier
        say(f"building the {tier} corpus into {args.corpus} (once)")
        subprocess.run(["bash", args.corpus_script, args.corpus, tier], check=True)
    with open(listing) as f:
        dirs = [d.strip() for d in f if d.strip()]
    missing = [d for d in dirs if not os.path.isdir(os.path.join(args.corpus, d))]
    if missing:
        raise SystemExit(f"corpus folders missing under {args.corpus}: {missing}")
    return dirs


def corpus_size(root, dirs):
    files = size = 0
    for d in dirs:
        for base, _sub, names in os.walk(os.path.join(root, d)):
            for n in names:
                if not n.startswith("."):
                    files += 1
                    size += os.path.getsize(os.path.join(base, n))
    return {"dirs": dirs, "files": files, "html_bytes": size}


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) * 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    versions = {"python": platform.python_version(), "sqlite": __import__("sqlite3").sqlite_version}
    for mod, attr in (("tantivy", "__version__"), ("xapian", "version_string")):
        try:
            m = __import__(mod)
            v = getattr(m, attr)
            versions[mod] = (v() if callable(v) else v).replace(mod + " ", "")
        except ImportError:
            versions[mod] = None
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.split("\n")[0] \
        if shutil.which("swift") else None
    cores = os.cpu_count()
    return {"load_average_at_start": os.getloadavg(), "cpu": cpu, "cores": cores, "memory_bytes": mem,
            "kernel": platform.release(), "swift": swift, "versions": versions,
            "summary": f"{cores} cores ({cpu}), {mem / 2**30:.0f} GiB RAM, Linux {platform.release()}"}


def index_figures(run, corpus, size):
    """Figures of an end-to-end indexing process (citex index, omindex) over the tier's files."""
    if not run or not run.get("ok"):
        return {"ok": False, "error": (run or {}).get("error")}
    wall = run["wall_s"]
    return {"ok": True, "wall_s": wall, "cpu_s": run["cpu_s"], "peak_rss_bytes": run["peak_rss_bytes"],
            "pages_per_s": corpus["files"] / wall, "html_mb_s": corpus["html_bytes"] / 1e6 / wall,
            "size_bytes": size}


def run_citex_index(args, work, corpus, dirs, log, result):
    binary = args.citex
    if not binary and not args.no_build:
        say("swift build -c release")
        binary, r = citex.build(REPO, log, args.timeout)
        result["citex_build"] = {k: r[k] for k in ("ok", "wall_s", "error")}
    elif not binary:
        path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO,
                              capture_output=True, text=True).stdout.strip()
        binary = os.path.join(path, "citex") if path else None
    if not binary or not os.access(binary, os.X_OK):
        result["notes"].append("citex: no release binary (build failed): citex figures n/a")
        return None, None
    index_dir = os.path.join(work, "citex-index")
    say("citex index")
    r = citex.index(binary, dirs, args.corpus, index_dir, log, args.timeout)
    if not r["ok"]:
        result["notes"].append(f"citex index failed ({r['error']}): citex figures n/a")
        result["index"]["citex"] = {"ok": False, "error": r["error"]}
        return binary, None
    stats = citex.stats(binary, index_dir, log)
    parts = (stats or {}).get("bytes")
    size = sum(parts.values()) if isinstance(parts, dict) else measure.dir_bytes(index_dir)
    result["index"]["citex"] = dict(index_figures(r, corpus, size), stats=stats,
                                    parts=(stats or {}).get("bytes"))
    if stats is None:
        result["notes"].append("citex stats unavailable: size is the index folder's, no parts")
    return binary, index_dir


def get_passages(args, work, binary, dirs, log, result):
    if args.passages:
        result["notes"].append(f"peers fed {os.path.basename(args.passages)} (--passages), not citex extract's")
        return os.path.abspath(args.passages)
    missing = "no passages to feed the peers (pass --passages FILE): only omindex ran"
    if not binary:
        result["notes"].append(missing)
        return None
    out = os.path.join(work, "passages.jsonl")
    say("citex extract")
    r = citex.extract(binary, dirs, args.corpus, out, log, args.timeout)
    result["citex_extract"] = {k: r[k] for k in ("ok", "wall_s", "cpu_s", "peak_rss_bytes", "error")}
    if not r["ok"]:
        result["notes"].append(f"citex extract failed ({r['error']}); " + missing)
        return None
    return out


def run_peer_builds(args, work, corpus, pfile, log, result):
    text = (result.get("passages") or {}).get("text_bytes")
    for peer in (p for p in report.PEERS if p in args.engines and pfile and text):
        directory = os.path.join(work, f"{peer}-index")
        out = os.path.join(work, f"{peer}-build.json")
        say(f"{peer} build")
        r = measure.run([sys.executable, os.path.join(HERE, "worker.py"), "build", peer, pfile, directory, out],
                        cwd=HERE, log=log, timeout=args.timeout)
        if not r["ok"]:
            result["index"][peer] = {"ok": False, "error": r["error"]}
            continue
        with open(out) as f:
            inner = json.load(f)
        size = measure.dir_bytes(directory)
        result["index"][peer] = {"ok": True, "wall_s": inner["build_s"], "cpu_s": inner["cpu_s"],
                                 "process_wall_s": r["wall_s"], "peak_rss_bytes": r["peak_rss_bytes"],
                                 "rss_after_loading_bytes": inner["rss_loaded_bytes"],
                                 "text_mb_s": text / 1e6 / inner["build_s"], "size_bytes": size,
                                 "size_over_text": size / text}
    if "omindex" in args.engines and shutil.which("omindex"):
        links = os.path.join(work, "omindex-root")
        os.makedirs(links, exist_ok=True)
        for i, d in enumerate(corpus["dirs"]):
            os.symlink(os.path.join(args.corpus, d), os.path.join(links, f"{i}-{os.path.basename(d)}"))
        db = os.path.join(work, "omindex-db")
        say("omindex")
        r = measure.run(["omindex", "--follow", "--empty-docs=skip", "--db", db, "--url", "/", links],
                        log=log, timeout=args.timeout)
        result["index"]["omindex"] = index_figures(r, corpus, measure.dir_bytes(db))


def run_searches(args, work, binary, citex_index, pfile, log, result):
    scale = 0.25 if args.quick else 1.0
    queries = querygen.generate(querygen.load_texts(pfile), args.seed, scale)
    qfile = os.path.join(work, "queries.json")
    with open(qfile, "w") as f:
        json.dump(queries, f)
    classes = list(querygen.CLASS_SIZES)
    result["query_classes"] = classes
    result["queries"] = {"seed": args.seed, "count": len(queries), "passes": args.passes,
                         "sample": [querygen.citex_syntax(q) for q in queries[::97]]}
    hits = {}
    for peer in (p for p in report.PEERS if p in args.engines and result["index"].get(p, {}).get("ok")):
        out = os.path.join(work, f"{peer}-search.json")
        say(f"{peer} search ({len(queries)} queries: a warm-up pass, then {args.passes} timed)")
        r = measure.run([sys.executable, os.path.join(HERE, "worker.py"), "search", peer,
                         os.path.join(work, f"{peer}-index"), qfile, out, str(args.k), str(args.passes)],
                        cwd=HERE, log=log, timeout=args.timeout)
        if not r["ok"]:
            result["search"][peer] = {"ok": False, "error": r["error"]}
            continue
        with open(out) as f:
            data = json.load(f)
        rows = data["queries"]
        hits[peer] = rows
        result["search"][peer] = {"ok": True, "latency": report.latency(rows, classes), "passes": data["passes"],
                                  "process_wall_s": r["wall_s"]}
    if "citex" in args.engines and binary and citex_index:
        say("citex search")
        got, r = citex.search(binary, citex_index, queries, work, args.k, args.passes, log, args.timeout)
        if got:
            hits["citex"] = got["queries"]
            result["notes"].append("citex's latency is its own took_ms: search, reading the hit passages and "
                                   "building their snippets; a peer's is search and reading stored fields")
            failed = sum(1 for row in got["queries"] if row.get("failed"))
            if failed:
                result["notes"].append(f"citex search answered {len(queries) - failed} of {len(queries)} queries")
            result["search"]["citex"] = {"ok": True, "latency": report.latency(got["queries"], classes),
                                         "passes": args.passes,
                                         "batch_s": got["batch"]["wall_s"] if got["batch"]["ok"] else None}
            ms = citex.single_call(binary, citex_index, queries[0]["words"][0], log)
            result["citex_single_call_ms"] = ms * 1000 if ms else None
        else:
            result["notes"].append(f"citex search failed ({r.get('error')}): citex search figures n/a")
    for peer in report.PEERS:
        if peer in hits and "citex" in hits:
            result["agreement"][peer] = report.agreement(hits[peer], hits["citex"], classes)
    if "tantivy" in hits and "xapian" in hits:
        result["agreement"]["tantivy~xapian"] = report.agreement(hits["tantivy"], hits["xapian"], classes)


def main(argv):
    args = parse_args(argv)
    os.makedirs(args.cache, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    dirs = tier_dirs(args)
    corpus = corpus_size(args.corpus, dirs)
    work = tempfile.mkdtemp(prefix=f"run-{args.tier}-", dir=args.cache)
    log = os.path.join(args.out, f"{args.tier}.log")
    open(log, "w").close()
    result = {"tier": args.tier, "quick": args.quick, "date": datetime.datetime.now(datetime.timezone.utc)
              .strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(), "corpus": corpus, "index": {},
              "search": {}, "agreement": {}, "notes": [],
              "query_classes": list(querygen.CLASS_SIZES)}
    say(f"{args.tier} tier: {corpus['files']} files, {corpus['html_bytes'] / 1e6:.1f} MB; work in {work}")
    try:
        binary, citex_index = (run_citex_index(args, work, corpus, dirs, log, result)
                               if "citex" in args.engines else (None, None))
        pfile = get_passages(args, work, binary, dirs, log, result)
        result["passages"] = passages.summary(pfile) if pfile else None
        text = (result["passages"] or {}).get("text_bytes")
        if text and result["index"].get("citex", {}).get("ok"):
            c = result["index"]["citex"]
            c.update(text_mb_s=text / 1e6 / c["wall_s"], size_over_text=c["size_bytes"] / text)
        if pfile and text and "citex" in args.engines:
            say("citex index-benchmark (from the passages alone)")
            alone = citex.index_from_passages(REPO, pfile, os.path.join(work, "index-benchmark.json"), log,
                                              args.timeout)
            result["index"]["citex_passages"] = alone and dict(
                alone, text_mb_s=text / 1e6 / alone["wall_s"], size_over_text=alone["size_bytes"] / text)
            if not alone:
                result["notes"].append("citex from passages alone n/a (no Benchmarks release index-benchmark)")
        run_peer_builds(args, work, corpus, pfile, log, result)
        if pfile and text:
            run_searches(args, work, binary, citex_index, pfile, log, result)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    result["machine"]["load_average_at_end"] = os.getloadavg()
    with open(os.path.join(args.out, f"{args.tier}.json"), "w") as f:
        json.dump(result, f, sort_keys=True, separators=(",", ":"))
    text = report.table(result)
    with open(os.path.join(args.out, f"{args.tier}.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    say(f"results in {args.out}/{args.tier}.json and .md (stderr of every step: {log})")


if __name__ == "__main__":
    main(sys.argv[1:])
