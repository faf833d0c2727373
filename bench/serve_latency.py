#!/usr/bin/env python3
"""How long `trellis serve` takes to serve a page changed by a one-file edit.

    bench/serve_latency.py TRELLIS SITE [--edits N] [--file Content/partnerships/x.md] [--page partnerships/x/]

Copies SITE to a temporary folder, starts `TRELLIS serve` on it, and N times appends a unique
word to the file's body and polls the page (every 5 ms, over HTTP on 127.0.0.1) until the word
is served; prints each time from the write to the new page, then the median and the range. The
browser's own reload adds one request to this. Without --file, the first partnership is edited.
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("trellis")
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--file")
    parser.add_argument("--page")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="trellis-serve-")
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(args.site, "Content"), os.path.join(site, "Content"))
    if os.path.isdir(os.path.join(args.site, "Themes")):
        shutil.copytree(os.path.join(args.site, "Themes"), os.path.join(site, "Themes"))
    file = args.file
    if not file:
        folder = os.path.join(site, "Content", "partnerships")
        file = "Content/partnerships/" + sorted(n for n in os.listdir(folder) if n.endswith(".md"))[0]
    page = args.page or "partnerships/%s/" % os.path.basename(file)[:-3]
    port = free_port()
    server = subprocess.Popen([args.trellis, "serve", "--site", site, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = "http://127.0.0.1:%d/%s" % (port, page)
    try:
        deadline = time.time() + args.timeout
        while "<h1" not in fetch(url):
            if time.time() > deadline or server.poll() is not None:
                sys.exit("serve_latency: the server did not serve %s" % url)
            time.sleep(0.05)
        times = []
        path = os.path.join(site, file)
        for number in range(args.edits):
            marker = "latencymarker%dx%d" % (os.getpid(), number)
            time.sleep(0.3)  # let the previous build settle
            with open(path, "a", encoding="utf-8") as f:
                f.write("\n\n%s\n" % marker)
            started = time.monotonic()
            while marker not in fetch(url):
                if time.monotonic() - started > args.timeout:
                    sys.exit("serve_latency: the edit never showed")
                time.sleep(0.005)
            times.append(time.monotonic() - started)
            print("edit %d: %.0f ms" % (number + 1, times[-1] * 1000))
        print("median %.0f ms (%.0f to %.0f ms) over %d edits of %s" % (
            statistics.median(times) * 1000, min(times) * 1000, max(times) * 1000, len(times), file))
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
