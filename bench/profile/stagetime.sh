#!/bin/bash
# stagetime.sh OUT [trellis build options] -- runs $TRELLIS (default: trellis on PATH) under a pseudo-terminal,
# where it reports its stages, and prints the wall time of each stage
out=$1; shift
script -q -t 2>/tmp/stagetime.timing -c "${TRELLIS:-trellis} build $* --output $out" /tmp/stagetime.typescript >/dev/null
python3 - <<'PY'
import re
timing = [l.split() for l in open("/tmp/stagetime.timing")]
data = open("/tmp/stagetime.typescript", "rb").read()
# replay: each timing line = (delay, nbytes)
t = 0.0; pos = data.index(b"\n") + 1; events = []
for d, n in timing:
    t += float(d); chunk = data[pos:pos + int(n)]; pos += int(n)
    for m in re.finditer(rb"\r\x1b\[K([^\r\x1b]*?)\xe2\x80\xa6", chunk):
        events.append((t, m.group(1).decode()))
    if b"trellis: built" in chunk: events.append((t, "(done)"))
for (t1, a), (t2, b) in zip(events, events[1:]):
    print("%8.2f s  %s" % (t2 - t1, a))
print("%8.2f s  total" % (events[-1][0] - events[0][0]))
PY
