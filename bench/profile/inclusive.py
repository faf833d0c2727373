import sys, collections, subprocess
# inclusive cost per function from `perf script -F tid,time,ip,sym`; optional: drop samples whose chain has argv[2]
path = sys.argv[1]; drop = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
top = int(sys.argv[3]) if len(sys.argv) > 3 else 60
incl = collections.Counter(); selfc = collections.Counter(); n = 0; dropped = 0
cur = None
def flush(frames):
    global n, dropped
    if frames is None: return
    if drop and any(drop in f for f in frames): dropped += 1; return
    n += 1
    for f in set(frames): incl[f] += 1
    if frames: selfc[frames[0]] += 1
for line in open(path, errors="replace"):
    if not line.startswith("\t") and line.strip():
        flush(cur); cur = []
    elif line.strip() and cur is not None:
        sym = line.strip().split(" ", 1)[-1]
        cur.append(sym)
flush(cur)
names = [k for k, _ in incl.most_common(top)] + [k for k, _ in selfc.most_common(25)]
dem = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names), capture_output=True, text=True).stdout.split("\n")
dm = dict(zip(names, dem))
total = n + dropped
print("samples kept %d of %d (%.1f%%)" % (n, total, 100.0 * n / total))
print("INCLUSIVE (%% of kept samples):")
for k, v in incl.most_common(top): print("  %5.1f%%  %s" % (100.0 * v / n, dm[k][:170]))
print("SELF:")
for k, v in selfc.most_common(25): print("  %5.1f%%  %s" % (100.0 * v / n, dm[k][:170]))
