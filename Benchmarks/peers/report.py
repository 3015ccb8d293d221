"""Figures from raw measurements, and the per-tier table with citex ÷ best peer."""
import math

PEERS = ("tantivy", "xapian", "fts5")
COLUMNS = ("citex",) + PEERS + ("omindex",)
MB = 1e6


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def latency(rows, classes):
    """Per class and overall: n, p50/p95/p99 ms, queries per second (count ÷ summed latency)."""
    by_cls = {c: [r["ms"] for r in rows if r["qid"].startswith(c + "-") and not math.isnan(r["ms"])]
              for c in classes}
    by_cls["all"] = [ms for c in classes for ms in by_cls[c]]
    out = {}
    for cls, ms in by_cls.items():
        if ms:
            out[cls] = {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95),
                        "p99": percentile(ms, 99), "qps": len(ms) / (sum(ms) / 1000) if sum(ms) else None}
    return out


def agreement(reference, other, classes):
    """Share of `reference`'s top hits that `other` also returns, averaged over the queries
    where `reference` has hits; per class and overall."""
    theirs = {r["qid"]: set(r["hits"]) for r in other}
    shares = {c: [] for c in classes}
    for r in reference:
        cls = r["qid"].rsplit("-", 1)[0]
        if r["hits"] and r["qid"] in theirs and cls in shares:
            shares[cls].append(len(set(r["hits"]) & theirs[r["qid"]]) / len(r["hits"]))
    shares["all"] = [s for c in classes for s in shares[c]]
    return {c: (sum(v) / len(v) if v else None) for c, v in shares.items()}


def _fmt(v):
    if v is None:
        return "n/a"
    if isinstance(v, str):
        return v
    if v == 0:
        return "0"
    if abs(v) < 1:
        return f"{v:.2g}" if abs(v) < 0.1 else f"{v:.2f}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.3g}"


def _ratio(row, lower_is_better):
    citex = row.get("citex")
    peers = [row[c] for c in COLUMNS[1:] if isinstance(row.get(c), (int, float))]
    if not isinstance(citex, (int, float)) or not peers:
        return None
    best = min(peers) if lower_is_better else max(peers)
    return citex / best if best else None


def rows(result):
    """(section, figure, {column: value}, lower_is_better or None for no ratio)."""
    idx, srch = result["index"], result["search"]
    text_mb = result["passages"]["text_bytes"] / MB if result.get("passages") else None
    html_mb = result["corpus"]["html_bytes"] / MB
    out = []

    def get(engine, key, scale=1.0):
        v = (idx.get(engine) or {}).get(key)
        return v / scale if isinstance(v, (int, float)) else None

    e2e = ("citex", "omindex")
    for label, key, scale, low in (("wall s", "wall_s", 1, True), ("CPU s", "cpu_s", 1, True),
                                   ("peak RSS MB", "peak_rss_bytes", MB, True), ("pages/s", "pages_per_s", 1, False),
                                   ("MB/s of HTML", "html_mb_s", 1, False), ("index MB", "size_bytes", MB, True)):
        out.append((f"index, end to end from {html_mb:.1f} MB of HTML", label,
                    {e: get(e, key, scale) for e in e2e}, low))
    fed = ("citex",) + PEERS
    for label, key, scale, low in (("build s (citex: end to end)", "wall_s", 1, True), ("CPU s", "cpu_s", 1, True),
                                   ("peak RSS MB", "peak_rss_bytes", MB, True),
                                   ("MB/s of passage text", "text_mb_s", 1, False), ("index MB", "size_bytes", MB, True),
                                   ("index ÷ passage text", "size_over_text", 1, True)):
        section = f"index, from the same passages ({text_mb:.1f} MB of text)" if text_mb else "index, from passages"
        out.append((section, label, {e: get(e, key, scale) for e in fed}, low))
        if key in ("wall_s", "cpu_s", "text_mb_s"):
            # citex from the passages alone (index-benchmark), the like-for-like figure beside the peers'
            alone = dict({e: get(e, key, scale) for e in PEERS}, citex=get("citex_passages", key, scale))
            out.append((section, label.replace(" (citex: end to end)", "") + " (citex: passages alone)", alone, low))
    classes = result["query_classes"] + ["all"]
    for cls in classes:
        for stat, low in (("p50", True), ("p95", True), ("p99", True), ("qps", False)):
            vals = {e: srch.get(e, {}).get("latency", {}).get(cls, {}).get(stat) for e in fed}
            n = srch.get("tantivy", {}).get("latency", {}).get(cls, {}).get("n", "")
            out.append(("search top-10, one thread, warm (ms; QPS)", f"{cls} ({n}) {stat}", vals, low))
    out.append(("search top-10, one thread, warm (ms; QPS)", "batch process s (citex --queries)",
                {"citex": srch.get("citex", {}).get("batch_s")}, None))
    out.append(("search top-10, one thread, warm (ms; QPS)", "one CLI call ms (cold process)",
                {"citex": result.get("citex_single_call_ms")}, None))
    section = "agreement: share of the peer's top 10 citex also returns"
    per_class = "/".join(result["query_classes"])
    for peer in PEERS:
        shares = result["agreement"].get(peer, {})
        out.append((section, f"vs {peer}", {"citex": shares.get("all")}, None))
        if shares:
            out.append((section, f"vs {peer}, by class {per_class}",
                        {"citex": "/".join(_fmt(shares.get(c)) for c in result["query_classes"])}, None))
    ref = result["agreement"].get("tantivy~xapian", {})
    out.append((section, "(reference: xapian's share of tantivy's)", {"xapian": ref.get("all")}, None))
    if ref:
        out.append((section, f"(reference) by class {per_class}",
                    {"xapian": "/".join(_fmt(ref.get(c)) for c in result["query_classes"])}, None))
    return out


def table(result):
    """The tier's table as Markdown (GitHub renders it; it reads fine in a terminal too)."""
    m = result["machine"]
    load = "load average {:.1f} at start, {:.1f} at end".format(m["load_average_at_start"][0],
                                                               m.get("load_average_at_end", [float("nan")])[0])
    lines = [f"### {result['tier']} tier{' (quick)' if result.get('quick') else ''} — {result['date']}",
             "", f"{m['summary']}; {load}; {m['swift'] or 'no swift'}; "
             + ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)]
    header = "| figure | " + " | ".join(COLUMNS) + " | citex ÷ best peer |"
    current = None
    for section, label, vals, low in rows(result):
        if section != current:
            lines += ["", f"**{section}**", "", header, "|" + " --- |" * (len(COLUMNS) + 2)]
            current = section
        ratio = _ratio(vals, low) if low is not None else None
        cells = [_fmt(vals[c]) if c in vals else "—" for c in COLUMNS]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {_fmt(ratio) if low is not None else '—'} |")
    parts = result["index"].get("citex", {}).get("parts")
    if parts:
        lines += ["", "citex index by part (MB): " + ", ".join(f"{k} {v / MB:.2f}" for k, v in sorted(parts.items()))]
    lines += ["", "Notes: " + "; ".join(result.get("notes", []))] if result.get("notes") else []
    return "\n".join(lines)
