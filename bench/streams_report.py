#!/usr/bin/env python3
"""Summarise bench/streams.sh JSON lines into a table with ratios vs virsh.

usage: streams_report.py RESULTS.jsonl

Per (mode, sparse, impl) the best run is kept: lowest secs, lowest cpu_secs
and lowest max_rss_kib, each taken independently over the repetitions.
Lines marked "source": "self" (virtwire's own measurement) are listed
separately and not used for the ratios.
"""
import json
import sys

MIB = 1 << 20
GIB = 1 << 30
IMPL_ORDER = ["virsh", "go-libvirt", "virtwire"]


def load(path):
    best, self_best = {}, {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                r = json.loads(line)
            except ValueError:
                continue
            key = (r["mode"], bool(r["sparse"]), r["impl"])
            table = self_best if r.get("source") == "self" else best
            cur = table.get(key)
            if cur is None:
                table[key] = {"bytes": int(r["bytes"]), "secs": float(r["secs"]),
                              "cpu": float(r["cpu_secs"]), "rss": int(r["max_rss_kib"]), "runs": 1}
            else:
                cur["secs"] = min(cur["secs"], float(r["secs"]))
                cur["cpu"] = min(cur["cpu"], float(r["cpu_secs"]))
                cur["rss"] = min(cur["rss"], int(r["max_rss_kib"]))
                cur["runs"] += 1
    return best, self_best


def ratio(x, base):
    return "-" if base is None or not base or x is None else "%.2fx" % (x / base)


def table(best, title):
    print(title)
    print("%-8s %-6s %-10s %4s %9s %9s %8s %9s %9s %8s" % (
        "mode", "data", "impl", "runs", "MiB/s", "CPU s/GiB", "RSS MiB",
        "MiB/s/v", "CPU/v", "RSS/v"))
    for mode in ("download", "upload"):
        for sparse in (False, True):
            impls = sorted({k[2] for k in best if k[:2] == (mode, sparse)},
                           key=lambda i: (IMPL_ORDER.index(i) if i in IMPL_ORDER else 99, i))
            base = best.get((mode, sparse, "virsh"))
            for impl in impls:
                b = best[(mode, sparse, impl)]
                tput = b["bytes"] / MIB / b["secs"] if b["secs"] > 0 else float("inf")
                cpu_gib = b["cpu"] / (b["bytes"] / GIB)
                rss = b["rss"] / 1024
                if base:
                    btput = base["bytes"] / MIB / base["secs"] if base["secs"] > 0 else None
                    bcpu = base["cpu"] / (base["bytes"] / GIB)
                    brss = base["rss"] / 1024
                else:
                    btput = bcpu = brss = None
                print("%-8s %-6s %-10s %4d %9.1f %9.2f %8.1f %9s %9s %8s" % (
                    mode, "sparse" if sparse else "dense", impl, b["runs"], tput, cpu_gib, rss,
                    ratio(tput, btput), ratio(cpu_gib, bcpu), ratio(rss, brss)))
    print()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    best, self_best = load(sys.argv[1])
    if not best:
        sys.exit("no results in %s" % sys.argv[1])
    print()
    table(best, "== streams, measured by /usr/bin/time (wall incl. process start + connect); ratios vs virsh (/v)")
    if self_best:
        table(self_best, "== virtwire's own measurement (informational)")
    print("MiB/s and CPU s/GiB are over the logical volume size (data + holes).")


if __name__ == "__main__":
    main()
