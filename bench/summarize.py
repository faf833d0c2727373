#!/usr/bin/env python3
"""Medians and ratios of one bench/run.sh invocation: prints the tables and writes results.md."""
import argparse
import csv
import datetime
import os
import platform
import statistics
import subprocess


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", required=True)
    ap.add_argument("--invocation", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--trellis", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--threads", default="2")
    a = ap.parse_args()

    rows = [r for r in csv.DictReader(open(a.runs), delimiter="\t") if r["invocation"] == a.invocation]
    if not rows:
        raise SystemExit("no runs for invocation %s" % a.invocation)
    # A run is clean when other processes used at most max(0.5 s, 10% of its own CPU time) while it
    # ran (as in ../shared/bench/run_hugo.sh); medians use a group's clean runs when it has any.
    def clean(r):
        own = float(r["user_s"]) + float(r["sys_s"])
        return float(r["others_cpu_s"]) <= max(0.5, 0.1 * own)
    allgroups = {}
    for r in rows:
        allgroups.setdefault((int(r["N"]), r["tool"], r["fs"], r["mode"]), []).append(r)
    groups = {k: ([r for r in v if clean(r)] or v) for k, v in allgroups.items()}
    nclean = {k: sum(clean(r) for r in v) for k, v in allgroups.items()}

    def med(key, field):
        rs = groups.get(key)
        if not rs:
            return None
        if field == "cpu":
            return statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in rs)
        if field == "render":
            return statistics.median(float(r["extra"].split(",")[0]) for r in rs)
        return statistics.median(float(r[field]) for r in rs)

    def spread(key):
        ws = sorted(float(r["wall_s"]) for r in groups[key])
        text = "%.2f–%.2f" % (ws[0], ws[-1]) if len(ws) > 1 else "%.2f" % ws[0]
        return text + ", %d/%d clean" % (nclean[key], len(allgroups[key]))

    def f(x, fmt="%.2f"):
        return "–" if x is None else fmt % x

    sizes = sorted({k[0] for k in groups})
    fss = [fs for fs in ("disk", "shm") if any(k[2] == fs for k in groups)]
    hugo = any(k[1] == "hugo" for k in groups)
    nruns = max(len(v) for v in allgroups.values())

    out = []
    out.append("| documents | output | pages (Trellis / Hugo) | Trellis wall s (range) | Trellis CPU s | cores busy | Trellis peak MB | Trellis pages/s |"
               + (" Hugo wall s (range) | Hugo CPU s | Hugo peak MB | Hugo pages/s | Hugo ÷ Trellis (wall) | Hugo ÷ Trellis (CPU) | Trellis ÷ Hugo (memory) |" if hugo else "")
               + " floor s (cmark + write) | Trellis ÷ floor |")
    out.append("|" + "---|" * (8 + (7 if hugo else 0) + 2))
    for n in sizes:
        for fs in fss:
            t = (n, "trellis", fs, "fresh")
            if t not in groups:
                continue
            h = (n, "hugo", fs, "fresh")
            fl = (n, "floor", fs, "fresh")
            tw, tc, tm, tp = med(t, "wall_s"), med(t, "cpu"), med(t, "maxrss_kb"), med(t, "pages")
            line = "| %s | %s | %d / %s | %s (%s) | %s | %s | %d | %d |" % (
                "{:,}".format(n), "disk" if fs == "disk" else "tmpfs", tp, f(med(h, "pages"), "%d") if h in groups else "–",
                f(tw), spread(t), f(tc), f(tc / tw if tw else None), tm / 1024, tp / tw if tw else 0)
            if hugo:
                if h in groups:
                    hw, hc, hm, hp = med(h, "wall_s"), med(h, "cpu"), med(h, "maxrss_kb"), med(h, "pages")
                    line += " %s (%s) | %s | %d | %d | **%.2f** | %.2f | %.2f |" % (f(hw), spread(h), f(hc), hm / 1024, hp / hw, hw / tw, hc / tc, tm / hm)
                else:
                    line += " – | – | – | – | – | – | – |"
            fw = med(fl, "wall_s")
            line += " %s | **%s** |" % (f(fw), f(tw / fw if fw else None))
            out.append(line)
    table_fresh = "\n".join(out)

    out = ["| documents | output | Trellis fresh s | Trellis rebuild s (range) | rebuild ÷ fresh | Trellis CPU s fresh / rebuild |" + (" Hugo fresh s | Hugo rebuild s |" if hugo else "")]
    out.append("|" + "---|" * (6 + (2 if hugo else 0)))
    any_rebuild = False
    for n in sizes:
        for fs in fss:
            t, tr = (n, "trellis", fs, "fresh"), (n, "trellis", fs, "rebuild")
            if tr not in groups:
                continue
            any_rebuild = True
            line = "| %s | %s | %s | %s (%s) | **%s** |" % ("{:,}".format(n), "disk" if fs == "disk" else "tmpfs", f(med(t, "wall_s")),
                                                          f(med(tr, "wall_s")), spread(tr), f(med(tr, "wall_s") / med(t, "wall_s")))
            line += " %s / %s |" % (f(med(t, "cpu")), f(med(tr, "cpu")))
            if hugo:
                line += " %s | %s |" % (f(med((n, "hugo", fs, "fresh"), "wall_s")), f(med((n, "hugo", fs, "rebuild"), "wall_s")))
            out.append(line)
    table_rebuild = "\n".join(out) if any_rebuild else "(no rebuild runs)"

    out = ["| documents | Markdown bytes | cmark alone, 1 core, s | floor on %s threads: render s / write s (disk) | write s (tmpfs) |" % a.threads,
           "|---|---|---|---|---|"]
    for n in sizes:
        corpus = os.path.join(a.work, "site-%d" % n, "corpus.json")
        mb = "–"
        if os.path.exists(corpus):
            import json
            info = json.load(open(corpus))
            mb = "%.1f MB" % (info.get("trellis_body_bytes", 0) / 1e6)
        def part(fs, i):
            rs = groups.get((n, "floor", fs, "fresh"))
            return f(statistics.median(float(r["extra"].split(",")[i]) for r in rs)) if rs else "–"
        out.append("| %s | %s | %s | %s / %s | %s |" % ("{:,}".format(n), mb, f(med((n, "floor1", "-", "render"), "render")),
                                                      part("disk", 0), part("disk", 1), part("shm", 1)))
    table_floor = "\n".join(out)

    scaling = []
    for fs in fss:
        for small, big in ((1000, 10000), (10000, 50000)):
            t1, t2 = (small, "trellis", fs, "fresh"), (big, "trellis", fs, "fresh")
            if t1 in groups and t2 in groups:
                line = "- %s, %s → %s documents: Trellis wall ×%.2f, peak memory ×%.2f" % (
                    "disk" if fs == "disk" else "tmpfs", "{:,}".format(small), "{:,}".format(big),
                    med(t2, "wall_s") / med(t1, "wall_s"), med(t2, "maxrss_kb") / med(t1, "maxrss_kb"))
                h1, h2 = (small, "hugo", fs, "fresh"), (big, "hugo", fs, "fresh")
                if h1 in groups and h2 in groups:
                    line += "; Hugo wall ×%.2f, memory ×%.2f" % (med(h2, "wall_s") / med(h1, "wall_s"), med(h2, "maxrss_kb") / med(h1, "maxrss_kb"))
                scaling.append(line + " (content ×%d)" % (big // small))

    # the targets, where this run measured them
    targets = []
    def check(name, ok, detail):
        targets.append("| %s | %s | %s |" % (name, detail, "met" if ok else "**not met**"))
    n = 10000
    if (n, "trellis", "disk", "fresh") in groups:
        tw = med((n, "trellis", "disk", "fresh"), "wall_s")
        if (n, "hugo", "disk", "fresh") in groups:
            r_ = med((n, "hugo", "disk", "fresh"), "wall_s") / tw
            check("10,000 on disk: ≥ 3× faster than Hugo", r_ >= 3, "%.2f×" % r_)
        fw = med((n, "floor", "disk", "fresh"), "wall_s")
        if fw:
            check("10,000 on disk: ≤ 1.5× the floor", tw / fw <= 1.5, "%.2f×" % (tw / fw))
    if (n, "trellis", "shm", "fresh") in groups and (n, "hugo", "shm", "fresh") in groups:
        r_ = med((n, "hugo", "shm", "fresh"), "wall_s") / med((n, "trellis", "shm", "fresh"), "wall_s")
        check("10,000 on tmpfs: ≥ 8× faster than Hugo", r_ >= 8, "%.2f×" % r_)
    for nn in sizes:
        if (nn, "hugo", "disk", "fresh") in groups:
            r_ = med((nn, "trellis", "disk", "fresh"), "maxrss_kb") / med((nn, "hugo", "disk", "fresh"), "maxrss_kb")
            check("%s: peak memory ≤ ¼ of Hugo's" % "{:,}".format(nn), r_ <= 0.25, "%.2f of Hugo's" % r_)
    for fs in fss:
        if (10000, "trellis", fs, "fresh") in groups and (50000, "trellis", fs, "fresh") in groups:
            r_ = med((50000, "trellis", fs, "fresh"), "wall_s") / med((10000, "trellis", fs, "fresh"), "wall_s")
            check("50,000 ÷ 10,000 wall ≤ 5.5 (%s)" % fs, r_ <= 5.5, "%.2f" % r_)
    for nn in sizes:
        for fs in fss:
            if (nn, "trellis", fs, "rebuild") in groups:
                r_ = med((nn, "trellis", fs, "rebuild"), "wall_s") / med((nn, "trellis", fs, "fresh"), "wall_s")
                check("%s on %s: rebuild ≤ fresh" % ("{:,}".format(nn), fs), r_ <= 1.0, "%.2f×" % r_)
    if (n, "trellis", "shm", "fresh") in groups:
        c = med((n, "trellis", "shm", "fresh"), "cpu") / med((n, "trellis", "shm", "fresh"), "wall_s")
        check("both cores busy (10,000, tmpfs: CPU ÷ wall)", c >= 1.7, "%.2f cores" % c)

    loads = sorted(float(r["load1"]) for r in rows)
    others = [float(r["others_cpu_s"]) for r in rows]
    cpu = sh("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    mem = sh("sh", "-c", "awk '/MemTotal/ {printf \"%.0f GB\", $2/1048576}' /proc/meminfo")
    rootfs = sh("sh", "-c", "findmnt -no FSTYPE /")
    dev = os.path.basename(sh("sh", "-c", "findmnt -no SOURCE /"))
    if rootfs == "ext4" and dev and os.path.isdir("/proc/fs/jbd2") and not any(x.startswith(dev) for x in os.listdir("/proc/fs/jbd2")):
        rootfs += " without a journal"
    commit = sh("git", "-C", a.root, "rev-parse", "--short", "HEAD")
    dirty = " + uncommitted changes" if sh("git", "-C", a.root, "status", "--porcelain", "--untracked-files=no", "--", "Sources", "Themes", "Package.swift") else ""
    label = os.environ.get("BENCH_TRELLIS_LABEL")  # e.g. when BENCH_TRELLIS is a binary built elsewhere
    if label:
        commit, dirty = label, ""
    hv = sh("hugo", "version").split(" ")[1] if hugo else "not installed"
    cm = sh("sh", "-c", "dpkg-query -W -f='${Version}' libcmark-dev 2>/dev/null")
    started = min(r["timestamp"] for r in rows)
    first = rows[0]

    md = []
    md.append("## Benchmark results\n")
    md.append("Measured by `make bench` (bench/run.sh) on %s: %s, %d cores (`nproc`), %s RAM, Linux %s, root file system %s; "
              "tmpfs is /dev/shm. Trellis %s%s (release build), Hugo %s, cmark %s. Medians of up to %d runs (of the clean "
              "ones when there are any: other processes used at most max(0.5 s, 10%% of the run's CPU time) while it ran); "
              "each N's runs alternate Trellis, Hugo and the floor. Load average (1 min) before the runs: %.1f to %.1f; other processes "
              "used up to %.1f CPU-seconds during a run, so treat the numbers as **provisional**: compare only within one table."
              % (started[:16].replace("T", " "), cpu, os.cpu_count(), mem, platform.release(), rootfs, commit, dirty, hv, cm,
                 nruns, loads[0], loads[-1], max(others)))
    md.append("")
    md.append("Documents are partnerships, plans, frameworks and free pages (bodies about 4 KB); each site also has "
              "N/20 priorities, N/10 measures and N/10 contacts (bench/gen_site.py). Trellis writes every page plus "
              "its open data, feeds, sitemap and search index; Hugo gets the same documents with three taxonomies and "
              "minimal layouts (no RSS or sitemap). The floor is cmark over every body plus writing the files Trellis "
              "writes, at their sizes (bench/floor.c).\n")
    md.append("### Fresh builds\n")
    md.append(table_fresh + "\n")
    md.append("### Rebuilds over an existing output\n")
    md.append(table_rebuild + "\n")
    md.append("### The floor, in parts\n")
    md.append(table_floor + "\n")
    if scaling:
        md.append("### Growth\n")
        md.append("\n".join(scaling) + "\n")
    if targets:
        md.append("### Against the targets of issue 7\n")
        md.append("| target | measured | |\n|---|---|---|\n" + "\n".join(targets) + "\n")
    text = "\n".join(md)
    with open(a.results, "w") as fh:
        fh.write(text)
    print(text)
    print("\n(raw runs: %s, invocation %s; written to %s)" % (a.runs, a.invocation, a.results))


if __name__ == "__main__":
    main()
