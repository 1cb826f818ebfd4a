#!/usr/bin/env python3
"""Summarise bench JSON lines (impl raw, c and virtwire) into a table with ratios.

usage: report.py [--strict] [--c-only] RESULTS.jsonl

Per (impl, mode, tasks) the best run is kept: highest calls_per_sec, lowest
cpu_us_per_call (taken independently over the repetitions).
Targets (issue: faster than the C library under concurrency): sequential
calls/s >= 1.1x C; best concurrent calls/s (max over tasks) >= 1.2x C's
best; CPU per call <= 0.5x C's at every T, and <= 1.5x the floor's at the
same concurrency (sequential, and T = depth where the floor ran that depth).

impl "raw" (bench/c/rawbench.c: pre-encoded frames on a blocking socket) is
the floor: its "pipeline" rows with depth D sit on the "concurrent" row with
T = D, and virtwire's ratios to it are printed beside those to C. --strict
exits 1 when any target is missed.
"""
import json
import re
import sys

SEQ_TARGET = 1.1
CONC_TARGET = 1.2
CPU_TARGET = 0.5
FLOOR_CPU_TARGET = 1.5


def load(path):
    best = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                r = json.loads(line)
            except ValueError:
                continue
            # The floor's pipeline of depth D goes with T = D.
            mode = "concurrent" if r["mode"] == "pipeline" else r["mode"]
            key = (r["impl"], mode, int(r["tasks"]))
            cur = best.get(key)
            if cur is None:
                best[key] = {"cps": r["calls_per_sec"], "cpu": r["cpu_us_per_call"], "runs": 1}
            else:
                cur["cps"] = max(cur["cps"], r["calls_per_sec"])
                cur["cpu"] = min(cur["cpu"], r["cpu_us_per_call"])
                cur["runs"] += 1
    return best


def fmt(x, spec):
    """format(x, spec), or a '-' padded to the same width when x is None."""
    if x is not None:
        return format(x, spec)
    m = re.match(r"\d+", spec)
    return "-".rjust(int(m.group(0))) if m else "-"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def verdict(ok):
    return "-" if ok is None else ("PASS" if ok else "MISS")


def floor(get, r_best, c_best, v_best):
    """The floor's headline ratios: how far C and virtwire are above it."""
    print()
    print("== against the floor (raw = 1.00; calls/s: higher is better, CPU: lower is better)")
    lines = [
        ("sequential calls/s", get("raw", "sequential", 1, "cps"),
         get("c", "sequential", 1, "cps"), get("virtwire", "sequential", 1, "cps")),
        ("best concurrent calls/s", r_best, c_best, v_best),
        ("CPU/call sequential", get("raw", "sequential", 1, "cpu"),
         get("c", "sequential", 1, "cpu"), get("virtwire", "sequential", 1, "cpu")),
    ]
    for t in (64,):
        lines.append((f"CPU/call T={t} (raw depth {t})", get("raw", "concurrent", t, "cpu"),
                      get("c", "concurrent", t, "cpu"), get("virtwire", "concurrent", t, "cpu")))
    print(f"{'':<32} {'C/raw':>7} {'vw/raw':>7}")
    for name, r, c, v in lines:
        print(f"{name:<32} {fmt(ratio(c, r), '7.3f')} {fmt(ratio(v, r), '7.3f')}")


def main(argv):
    strict = "--strict" in argv
    c_only = "--c-only" in argv
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    best = load(paths[0])
    if not any(k[0] == "c" for k in best):
        print("no C results", file=sys.stderr)
        return 1

    rows = sorted({(m, t) for (_, m, t) in best}, key=lambda mt: (mt[0] != "sequential", mt[1]))
    get = lambda impl, m, t, f: best.get((impl, m, t), {}).get(f)

    print()
    print("== virDomainGetInfo, best of runs" + ("  (virtwire example not built yet: C only)" if c_only else ""))
    if any(k[0] == "raw" for k in best):
        print("   raw = floor (bench/c/rawbench.c, no library); its T is the pipeline depth")
    hdr = (f"{'mode':<11} {'T':>3} | {'raw calls/s':>11} {'raw cpu':>7} | {'C calls/s':>10} {'C cpu us':>9} | "
           f"{'vw calls/s':>10} {'vw cpu us':>9} | {'vw/C c/s':>8} {'cpu':>6} | {'vw/raw c/s':>10} {'cpu':>6}")
    print(hdr)
    print("-" * len(hdr))
    for m, t in rows:
        rc, ru = get("raw", m, t, "cps"), get("raw", m, t, "cpu")
        cc, cu = get("c", m, t, "cps"), get("c", m, t, "cpu")
        vc, vu = get("virtwire", m, t, "cps"), get("virtwire", m, t, "cpu")
        print(f"{m:<11} {t:>3} | {fmt(rc, '11.0f')} {fmt(ru, '7.2f')} | {fmt(cc, '10.0f')} {fmt(cu, '9.2f')} | "
              f"{fmt(vc, '10.0f')} {fmt(vu, '9.2f')} | {fmt(ratio(vc, cc), '8.2f')} {fmt(ratio(vu, cu), '6.3f')} | "
              f"{fmt(ratio(vc, rc), '10.2f')} {fmt(ratio(vu, ru), '6.3f')}")

    def best_conc(impl):
        vals = [(v["cps"], t) for (i, m, t), v in best.items() if i == impl and m == "concurrent"]
        return max(vals) if vals else (None, None)

    c_best, c_t = best_conc("c")
    v_best, v_t = best_conc("virtwire")
    r_best, r_t = best_conc("raw")
    print()
    if r_best is not None:
        print(f"raw best pipeline:        {fmt(r_best, '.0f')} calls/s at depth {r_t}")
    print(f"C best concurrent:        {fmt(c_best, '.0f')} calls/s at T={c_t}")
    if v_best is not None:
        print(f"virtwire best concurrent: {fmt(v_best, '.0f')} calls/s at T={v_t}")
    if r_best is not None:
        floor(get, r_best, c_best, v_best)
    if c_only:
        print("virtwire: not run (client example bench_get_info missing); no ratios")
        return 0

    checks = []
    r = ratio(get("virtwire", "sequential", 1, "cps"), get("c", "sequential", 1, "cps"))
    checks.append(("sequential calls/s  virtwire/C", r, f">= {SEQ_TARGET}", None if r is None else r >= SEQ_TARGET))
    r = ratio(v_best, c_best)
    checks.append(("best concurrent calls/s  virtwire/C", r, f">= {CONC_TARGET}", None if r is None else r >= CONC_TARGET))
    r = ratio(get("virtwire", "sequential", 1, "cpu"), get("c", "sequential", 1, "cpu"))
    checks.append(("CPU/call sequential  virtwire/C", r, f"<= {CPU_TARGET}", None if r is None else r <= CPU_TARGET))
    for m, t in rows:
        if m != "concurrent":
            continue
        r = ratio(get("virtwire", m, t, "cpu"), get("c", m, t, "cpu"))
        if r is None:
            continue  # T run by only one side
        checks.append((f"CPU/call concurrent T={t}  virtwire/C", r, f"<= {CPU_TARGET}", None if r is None else r <= CPU_TARGET))
    for m, t in rows:
        r = ratio(get("virtwire", m, t, "cpu"), get("raw", m, t, "cpu"))
        if r is None:
            continue  # no floor at this concurrency
        label = "sequential" if m == "sequential" else f"T={t}"
        checks.append((f"CPU/call {label}  virtwire/floor", r, f"<= {FLOOR_CPU_TARGET}", r <= FLOOR_CPU_TARGET))

    print()
    print("== targets")
    missed = False
    for name, r, target, ok in checks:
        print(f"{name:<40} {fmt(r, '7.3f')}x  target {target:<7} {verdict(ok)}")
        missed |= ok is not True
    return 1 if strict and missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
