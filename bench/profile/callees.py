import sys, collections, subprocess
# for samples whose chain contains marker argv[2] (and not argv[3]), the frame just below the marker, aggregated
path, marker = sys.argv[1], sys.argv[2]; drop = sys.argv[3] if len(sys.argv) > 3 else None
c = collections.Counter(); n = 0; total = 0
cur = None
def flush(fr):
    global n, total
    if fr is None: return
    total += 1
    if drop and any(drop in f for f in fr): return
    idx = [i for i, f in enumerate(fr) if marker in f]
    if not idx: return
    n += 1
    i = idx[-1]  # outermost occurrence
    c[fr[i - 1] if i > 0 else "(self)"] += 1
for line in open(path, errors="replace"):
    if not line.startswith("\t") and line.strip(): flush(cur); cur = []
    elif line.strip() and cur is not None: cur.append(line.strip().split(" ", 1)[-1])
flush(cur)
names = [k for k, _ in c.most_common(25)]
dem = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names), capture_output=True, text=True).stdout.split("\n")
print("%d samples under %s (%.1f%% of all %d)" % (n, marker, 100.0 * n / total, total))
for (k, v), d in zip(c.most_common(25), dem): print("  %5.1f%%  %s" % (100.0 * v / n, d[:150]))
