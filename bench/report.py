#!/usr/bin/env python3
"""Summarise bench JSON lines (impl c vs virtwire) into a table with ratios.

usage: report.py [--strict] [--c-only] RESULTS.jsonl

Per (impl, mode, tasks) the best run is kept: highest calls_per_sec, lowest
cpu_us_per_call (taken independently over the repetitions).
Targets: sequential calls/s >= 1.0x C; best concurrent calls/s (max over
tasks) >= 1.2x C's best; CPU per call <= 0.25x C's (sequential is the
headline, per-T rows are shown too).
"""
import json
import re
import sys

SEQ_TARGET = 1.0
CONC_TARGET = 1.2
CPU_TARGET = 0.25


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
            key = (r["impl"], r["mode"], int(r["tasks"]))
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
    hdr = f"{'mode':<11} {'T':>3} | {'C calls/s':>10} {'C cpu us':>9} | {'vw calls/s':>10} {'vw cpu us':>9} | {'calls/s x':>9} {'cpu x':>6}"
    print(hdr)
    print("-" * len(hdr))
    for m, t in rows:
        cc, cu = get("c", m, t, "cps"), get("c", m, t, "cpu")
        vc, vu = get("virtwire", m, t, "cps"), get("virtwire", m, t, "cpu")
        print(f"{m:<11} {t:>3} | {fmt(cc, '10.0f')} {fmt(cu, '9.2f')} | {fmt(vc, '10.0f')} {fmt(vu, '9.2f')} | "
              f"{fmt(ratio(vc, cc), '9.2f')} {fmt(ratio(vu, cu), '6.3f')}")

    def best_conc(impl):
        vals = [(v["cps"], t) for (i, m, t), v in best.items() if i == impl and m == "concurrent"]
        return max(vals) if vals else (None, None)

    c_best, c_t = best_conc("c")
    v_best, v_t = best_conc("virtwire")
    print()
    print(f"C best concurrent:        {fmt(c_best, '.0f')} calls/s at T={c_t}")
    if v_best is not None:
        print(f"virtwire best concurrent: {fmt(v_best, '.0f')} calls/s at T={v_t}")
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

    print()
    print("== targets")
    missed = False
    for name, r, target, ok in checks:
        print(f"{name:<40} {fmt(r, '7.3f')}x  target {target:<7} {verdict(ok)}")
        missed |= ok is not True
    return 1 if strict and missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
