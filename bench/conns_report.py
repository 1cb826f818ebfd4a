#!/usr/bin/env python3
"""Summarise bench/conns.sh JSON lines (C vs virtwire, many connections).

usage: conns_report.py [--strict] RESULTS.jsonl

Open time per connection is the wall time of opening all N divided by N
(for the parallel mode a throughput, not one open's latency).
Per (impl, mode) the best run is kept for each figure independently: lowest
open time and CPU per connection, lowest RSS per idle connection; answered
is the fewest over the runs and the thread change the largest.
heap B is the live heap per idle connection from virtwire's counting
allocator (C: not measured).
Targets: virtwire's open time per connection <= C's; idle memory <= 4 KiB
per connection (VmRSS); every connection answers; the thread count stays
flat (idle and after the calls equal to before).
"""
import json
import sys

MEM_TARGET_KIB = 4.0


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
            key = (r["impl"], r["mode"], int(r.get("parallel", 1)))
            growth = max(r["threads_idle"], r["threads_after_calls"]) - r["threads_before"]
            cur = best.setdefault(key, {
                "conns": r["conns"], "open": r["open_us_per_conn"], "cpu": r["open_cpu_us_per_conn"],
                "rss": r["rss_kib_per_conn"], "anon": r["anon_kib_per_conn"],
                "heap": r.get("heap_bytes_per_conn"),
                "answered": r["answered"], "threads": (r["threads_before"], r["threads_idle"], r["threads_after_calls"]),
                "growth": growth, "runs": 0,
            })
            cur["open"] = min(cur["open"], r["open_us_per_conn"])
            cur["cpu"] = min(cur["cpu"], r["open_cpu_us_per_conn"])
            cur["rss"] = min(cur["rss"], r["rss_kib_per_conn"])
            cur["anon"] = min(cur["anon"], r["anon_kib_per_conn"])
            if r.get("heap_bytes_per_conn") is not None:
                cur["heap"] = min(cur["heap"], r["heap_bytes_per_conn"])
            cur["answered"] = min(cur["answered"], r["answered"])
            cur["conns"] = max(cur["conns"], r["conns"])
            if growth >= cur["growth"]:
                cur["growth"] = growth
                cur["threads"] = (r["threads_before"], r["threads_idle"], r["threads_after_calls"])
            cur["runs"] += 1
    return best


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt(x, spec):
    """format(x, spec), or a '-' as wide as spec's width when x is None."""
    if x is not None:
        return format(x, spec)
    width = "".join(ch for ch in spec.split(".")[0] if ch.isdigit())
    return "-".rjust(int(width) if width else 1)


def verdict(ok):
    return "PASS" if ok else "MISS"


def main(argv):
    strict = "--strict" in argv
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    best = load(paths[0])
    c = next((v for (i, m, _), v in best.items() if i == "c"), None)
    if c is None:
        print("no C results", file=sys.stderr)
        return 1

    print()
    print("== many connections from one process, best of runs (ratios: virtwire / C)")
    hdr = (f"{'impl':<9} {'mode':<10} {'P':>3} | {'conns':>5} {'open us':>8} {'cpu us':>7} | "
           f"{'RSS KiB':>7} {'anon KiB':>8} {'heap B':>7} | {'threads':>11} {'answered':>8} | {'open x':>6} {'RSS x':>6}")
    print(hdr)
    print("-" * len(hdr))
    order = sorted(best, key=lambda k: (k[0] != "c", k[1] != "sequential", k[2]))
    for key in order:
        v = best[key]
        impl, mode, par = key
        threads = "->".join(str(t) for t in v["threads"])
        print(f"{impl:<9} {mode:<10} {par:>3} | {v['conns']:>5} {v['open']:>8.1f} {v['cpu']:>7.1f} | "
              f"{v['rss']:>7.2f} {v['anon']:>8.2f} {fmt(v['heap'], '7.0f')} | {threads:>11} {v['answered']:>8} | "
              f"{fmt(ratio(v['open'], c['open']), '6.2f')} {fmt(ratio(v['rss'], c['rss']), '6.2f')}")

    checks = []
    for (impl, mode, par), v in sorted(best.items(), key=lambda kv: (kv[0][1] != "sequential", kv[0][2])):
        if impl != "virtwire":
            continue
        name = f"virtwire {mode}" + (f" (P={par})" if mode != "sequential" else "")
        r = ratio(v["open"], c["open"])
        checks.append((f"{name}: open time / C's", f"{r:.2f}x", "<= 1.0x", r is not None and r <= 1.0))
        checks.append((f"{name}: idle RSS per connection", f"{v['rss']:.2f} KiB", f"<= {MEM_TARGET_KIB:g} KiB",
                       v["rss"] <= MEM_TARGET_KIB))
        checks.append((f"{name}: connections answering", f"{v['answered']}/{v['conns']}", "all",
                       v["answered"] == v["conns"]))
        checks.append((f"{name}: threads", "->".join(str(t) for t in v["threads"]), "flat", v["growth"] <= 0))

    print()
    print(f"C: {c['rss']:.2f} KiB per idle connection, {c['open']:.1f} us per open")
    print()
    print("== targets")
    missed = False
    for name, value, target, ok in checks:
        print(f"{name:<48} {value:>12}  target {target:<9} {verdict(ok)}")
        missed |= not ok
    return 1 if strict and missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
