import sys, collections
# stage markers (mangled substrings), checked from the outermost frame inwards; first hit wins
STAGES = [
    ("OutputWriter", "write output"), ("ExtraOutputs", "extra outputs"), ("SiteRenderer", "render pages"),
    ("BodyRenderer", "render markdown"), ("ReferenceChecker", "check references"), ("DocumentDecoder", "decode front matter"),
    ("ContentLoader", "read content"), ("5Theme", "load theme"), ("SiteContext", "site context"), ("SiteIndex", "site index"),
    ("Relations", "relations"), ("10TrellisKit", "other TrellisKit"), ("ArgumentParser", "startup"),
]
SUB = [("LinkResolver", "links"), ("Mustache", "mustache"), ("YAMLParser", "yaml"), ("yaml_parser", "yaml"), ("cmark_", "cmark"), ("SearchFiles", "search"),
       ("OpenDataFiles", "open data"), ("Layout", "layout"), ("DocumentPage", "document page")]
bucket = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
samples = []
cur = None
for line in open(sys.argv[1], errors="replace"):
    if not line.startswith("\t") and line.strip():
        if cur: samples.append(cur)
        parts = line.split()
        cur = [float(parts[1].rstrip(":")), []]
    elif line.strip() and cur is not None:
        cur[1].append(line.strip().split(" ", 1)[-1])
if cur: samples.append(cur)
t0 = samples[0][0]
tl = collections.defaultdict(collections.Counter)
tot = collections.Counter(); sub = collections.Counter()
for t, frames in samples:
    stage = "kernel/other"
    for marker, name in STAGES:
        if any(marker in f for f in frames):
            stage = name; break
    tl[int((t - t0) // bucket)][stage] += 1
    tot[stage] += 1
    for marker, name in SUB:
        if any(marker in f for f in frames):
            sub[(stage, name)] += 1
n = len(samples)
print("samples %d over %.0f s" % (n, samples[-1][0] - t0))
print("by stage:"); [print("  %-22s %6.1f%%" % (k, 100.0 * v / n)) for k, v in tot.most_common()]
print("sub-costs (stage, part):"); [print("  %-40s %6.1f%%" % (k, 100.0 * v / n)) for k, v in sub.most_common(20)]
print("timeline (%gs buckets; cores = samples / (rate*bucket)):" % bucket)
rate = float(sys.argv[3]) if len(sys.argv) > 3 else 199
for b in sorted(tl):
    c = tl[b]; s = sum(c.values())
    print("  %5.0f s  %4.2f cores  %s" % (b * bucket, s / (rate * bucket), ", ".join("%s %d%%" % (k, 100 * v // s) for k, v in c.most_common(3))))
