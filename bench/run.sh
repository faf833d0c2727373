#!/usr/bin/env bash
# bench/run.sh -- Trellis's benchmark: synthetic sites of several sizes built by the release
# `trellis`, side by side with Hugo (when installed) and with the floor (cmark over the same
# bodies plus writing the same files), on disk and on tmpfs, several runs, medians.
# See bench/README.md. `make bench` runs it.
#
# Settings (environment):
#   BENCH_SIZES    documents per site, default "1000 10000 50000"
#   BENCH_RUNS     timed runs per size, tool and file system (median reported), default 3
#   BENCH_RUNS_<N> runs for size N only (e.g. BENCH_RUNS_50000=1)
#   BENCH_SEED     corpus seed, default 20240501
#   BENCH_NOW      the fixed build time (gen_site.py --now and trellis build --now), default 2026-11-20T12:00
#   BENCH_OPEN     open consultations in the corpus (every page's site banner lists them), default 4
#   BENCH_WORK     work folder on the root disk, default /work/bench-run (corpora, disk outputs, raw results)
#   BENCH_SHM      work folder on tmpfs, default /dev/shm/trellis-bench ("" to skip tmpfs runs)
#   BENCH_TRELLIS  a trellis binary to use (default: build it: swift build -c release --scratch-path .build-bench)
#   BENCH_TRELLIS_LABEL  how results.md names that binary (default: the commit, "+ uncommitted changes")
#   BENCH_HUGO     1 to compare with Hugo when installed (default), 0 never
#   BENCH_REBUILD  1 to time rebuilds over an existing output (default), 0 not
#   BENCH_THREADS  threads for the floor program, default $(nproc)
#   BENCH_QWAIT    seconds to wait, before each run, for the machine to be under 10% busy (default 0)
#   BENCH_RESULTS  the Markdown results file, default bench/results.md
#
# Protocol. Rounds alternate the tools (Trellis, Hugo, floor; the order rotates every
# round) so slow drifts in a shared machine's speed hit all of them alike. Every run writes a
# fresh output folder (the fresh runs) or over the output of an earlier build (the rebuild
# runs, all at the end, since they delete trees). Disk outputs are never deleted during the
# session: this root file system is ext4 without a journal, where creating files next to many
# recently deleted inodes gets 5-30x slower for up to 6 minutes (see ../shared/bench/lib.sh), so
# they are removed when the script exits, and the next invocation first waits out that window.
# tmpfs outputs are deleted right after each run (tmpfs has no such effect, and it holds RAM).
# Before each run the inputs and binaries are read into the page cache. Each run is wrapped in
# /usr/bin/time -v; raw rows go to $BENCH_WORK/results/runs.tsv with the load average and the
# CPU time other processes used while the run lasted.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SIZES="${BENCH_SIZES:-1000 10000 50000}"
RUNS="${BENCH_RUNS:-3}"
SEED="${BENCH_SEED:-20240501}"
NOW="${BENCH_NOW:-2026-11-20T12:00}"
OPEN="${BENCH_OPEN:-4}"
WORK="${BENCH_WORK:-/work/bench-run}"
SHM="${BENCH_SHM-/dev/shm/trellis-bench}"
HUGO_WANTED="${BENCH_HUGO:-1}"
REBUILD="${BENCH_REBUILD:-1}"
NCPU="$(nproc)"
THREADS="${BENCH_THREADS:-$NCPU}"
QWAIT="${BENCH_QWAIT:-0}"
RESULTS="${BENCH_RESULTS:-$HERE/results.md}"
CLK_TCK="$(getconf CLK_TCK)"

log() { printf '# %s\n' "$*" >&2; }

# ---- tools -------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  log "installing /usr/bin/time (Debian package time)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 time >/dev/null
fi
if [[ -n "${BENCH_TRELLIS:-}" ]]; then
  TRELLIS="$BENCH_TRELLIS"
else
  log "building the release trellis (scratch path .build-bench)"
  (cd "$ROOT" && swift build -c release --product trellis --scratch-path .build-bench >&2)
  TRELLIS="$ROOT/.build-bench/release/trellis"
fi
[[ -x "$TRELLIS" ]] || { echo "no trellis binary at $TRELLIS" >&2; exit 1; }
HUGO=0
if [[ "$HUGO_WANTED" == 1 ]] && command -v hugo >/dev/null; then HUGO=1; fi
[[ $HUGO == 1 ]] || log "Hugo is not compared (apt-get install -y hugo, and BENCH_HUGO=1)"
mkdir -p "$WORK/results" "$WORK/bin"
FLOOR="$WORK/bin/floor"
if [[ ! -x "$FLOOR" || "$HERE/floor.c" -nt "$FLOOR" ]]; then
  cc -O2 -o "$FLOOR" "$HERE/floor.c" -lcmark -lpthread
fi
LAYOUT=trellis; [[ $HUGO == 1 ]] && LAYOUT=both

# ---- disk hygiene (ext4 without a journal: see the header) ---------------------
RETIRED=()
retire() { local d t; for d in "$@"; do [[ -e "$d" ]] || continue; t="$d.retired.$$.$RANDOM$RANDOM"; mv "$d" "$t"; RETIRED+=("$t"); done; }
purge() {
  [[ -n "$SHM" && -d "$SHM" ]] && rm -rf "${SHM:?}/out"
  if (( ${#RETIRED[@]} )) || compgen -G "$WORK/out/*" >/dev/null; then
    log "deleting this session's outputs"
    rm -rf "${RETIRED[@]}" "$WORK/out"
    sync
    date +%s > "$WORK/.last-purge"
  fi
}
trap purge EXIT
if [[ -f "$WORK/.last-purge" && "${BENCH_NO_WAIT:-0}" != 1 ]]; then
  left=$(( $(cat "$WORK/.last-purge") + 370 - $(date +%s) ))
  if (( left > 0 )); then log "waiting ${left}s: the previous session deleted its outputs (ext4 recently-deleted window)"; sleep "$left"; fi
fi
[[ -d "$WORK/out" ]] && retire "$WORK/out"
mkdir -p "$WORK/out"

# ---- measurement helpers -----------------------------------------------------
busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
wait_quiet() {
  local waited=0 b1 b2 pct
  (( QWAIT > 0 )) || return 0
  while :; do
    b1="$(busy_jiffies)"; sleep 2; b2="$(busy_jiffies)"
    pct=$(( (b2 - b1) * 100 / (CLK_TCK * 2 * NCPU) ))
    (( pct < 10 || waited >= QWAIT )) && return 0
    sleep 3; waited=$((waited + 5))
  done
}
# A trellis build deletes the output it replaced in a detached `rm -rf` after it exits (off its
# critical path): wait for those (up to two minutes), so no timed run shares the machine with an
# earlier run's clean-up.
wait_deletions() {
  local waited=0
  while pgrep -f "^rm -rf -- .*/\.[^/]*\.old-[0-9]+" >/dev/null && (( waited < 600 )); do sleep 0.2; waited=$((waited + 1)); done
}
prime() { local p; for p in "$@"; do if [[ -d "$p" ]]; then find "$p" -type f -print0 | xargs -0 -r cat >/dev/null; elif [[ -f "$p" ]]; then cat "$p" >/dev/null; fi; done; }
RUNS_TSV="$WORK/results/runs.tsv"
INVOCATION="$(date +%Y%m%dT%H%M%S)-$$"
[[ -s "$RUNS_TSV" ]] || printf 'invocation\ttimestamp\tN\ttool\tfs\tmode\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tothers_cpu_s\tload1\tpages\tfiles\tout_bytes\textra\n' > "$RUNS_TSV"

# timed N TOOL FS MODE RUN OUT -- CMD...: runs CMD under /usr/bin/time -v and appends a row
timed() {
  local n="$1" tool="$2" fs="$3" mode="$4" run="$5" out="$6"; shift 7
  local tf="$WORK/results/time.txt" b1 b2 w u s m o load1 pages files bytes extra="-" rc=0
  wait_deletions
  wait_quiet
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  b1="$(busy_jiffies)"
  /usr/bin/time -v -o "$tf" "$@" > "$WORK/results/stdout.txt" 2> "$WORK/results/stderr.txt" || rc=$?
  b2="$(busy_jiffies)"
  if (( rc != 0 )); then
    echo "FAILED ($rc): $*" >&2; tail -20 "$WORK/results/stderr.txt" >&2; exit 1
  fi
  w="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f", s }' "$tf")"
  u="$(awk -F': ' '/User time/ { print $2 }' "$tf")"; s="$(awk -F': ' '/System time/ { print $2 }' "$tf")"
  m="$(awk -F': ' '/Maximum resident/ { print $2 }' "$tf")"
  o="$(awk -v a="$b1" -v b="$b2" -v t="$CLK_TCK" -v u="$u" -v s="$s" 'BEGIN { x = (b - a) / t - u - s; if (x < 0) x = 0; printf "%.2f", x }')"
  if [[ "$tool" == floor* ]]; then extra="$(tr ' ' ',' < "$WORK/results/stdout.txt")"; fi
  if [[ -d "$out" ]]; then
    read -r pages files bytes < <(find "$out" -type f -printf '%s %f\n' | awk '{ f++; b += $1; if ($2 ~ /\.html$/) p++ } END { printf "%d %d %d\n", p, f, b }')
  else pages=0; files=0; bytes=0; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$INVOCATION" "$(date -Is)" "$n" "$tool" "$fs" "$mode" "$run" \
    "$w" "$u" "$s" "$m" "$o" "$load1" "$pages" "$files" "$bytes" "$extra" >> "$RUNS_TSV"
  printf 'N=%-6s %-7s %-5s %-8s run %s: wall %7.2fs  cpu %7.2fs  maxrss %6d MB  pages %6s  others_cpu %5.1fs  load1 %s\n' \
    "$n" "$tool" "$fs" "$mode" "$run" "$w" "$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" "$((m / 1024))" "$pages" "$o" "$load1" >&2
}

FS_LIST="disk"; [[ -n "$SHM" ]] && FS_LIST="disk shm"
outbase() { if [[ "$1" == disk ]]; then echo "$WORK/out"; else echo "$SHM/out"; fi; }
drop_shm() { [[ "$1" == shm ]] && rm -rf "$2"; return 0; }

log "invocation $INVOCATION: sizes $SIZES, $RUNS runs, trellis $TRELLIS, hugo $([[ $HUGO == 1 ]] && hugo version | awk '{print $2}' || echo no); $(uptime)"
GEN_HASH="$(sha1sum "$HERE/gen_site.py" | cut -c1-12)"

# ---- corpora, warm-up builds, manifests ----------------------------------------
for N in $SIZES; do
  SITE="$WORK/site-$N"
  stamp="docs=$N seed=$SEED now=$NOW open=$OPEN layout=$LAYOUT gen=$GEN_HASH"
  if [[ "$(cat "$SITE/.stamp" 2>/dev/null)" != "$stamp" ]]; then
    log "generating the $N-document corpus in $SITE"
    retire "$SITE"
    mkdir -p "$SITE"
    python3 "$HERE/gen_site.py" "$SITE" --docs "$N" --seed "$SEED" --now "$NOW" --open "$OPEN" --layout "$LAYOUT" >/dev/null
    find "$SITE/Content" -name '*.md' | sort > "$SITE/inputs.txt"
    echo "$stamp" > "$SITE/.stamp"
  fi
  # an untimed build: checks the corpus builds with no errors and gives the floor its manifest
  # (skipped when this corpus was already built by this very binary)
  warm_stamp="$stamp trellis=$(sha1sum "$TRELLIS" | cut -c1-12)"
  if [[ -s "$SITE/manifest.tsv" && "$(cat "$SITE/.warm" 2>/dev/null)" == "$warm_stamp" ]]; then
    log "N=$N: corpus already built by this trellis; $(grep -m1 built "$WORK/results/warm-$N.out" 2>/dev/null)"
    continue
  fi
  warm="$WORK/out/warm-$N/Public"; mkdir -p "$(dirname "$warm")"
  if ! "$TRELLIS" build --site "$SITE" --output "$warm" --now "$NOW" > "$WORK/results/warm-$N.out" 2> "$WORK/results/warm-$N.err"; then
    echo "the $N-document corpus does not build:" >&2; grep -m 20 'error:' "$WORK/results/warm-$N.err" >&2; exit 1
  fi
  errors="$(grep -c ': error:' "$WORK/results/warm-$N.err" || true)"; warnings="$(grep -c ': warning:' "$WORK/results/warm-$N.err" || true)"
  log "N=$N: warm-up build ok ($errors errors, $warnings warnings): $(grep -m1 built "$WORK/results/warm-$N.out")"
  (cd "$warm" && find . -type f -printf '%P\t%s\n' | sort) > "$SITE/manifest.tsv"
  echo "$warm_stamp" > "$SITE/.warm"
done
runs_for() { local v="BENCH_RUNS_$1"; echo "${!v:-$RUNS}"; }

# ---- fresh builds --------------------------------------------------------------
for N in $SIZES; do
  SITE="$WORK/site-$N"
  tools=(trellis floor); [[ $HUGO == 1 ]] && tools=(trellis hugo floor)
  for run in $(seq 1 "$(runs_for "$N")"); do
    # rotate the order every round
    k=$(( (run - 1) % ${#tools[@]} )); order=("${tools[@]:k}" "${tools[@]:0:k}")
    # cmark alone on one core, no writing (the issue's "cmark alone" figure)
    prime "$SITE/Content"
    timed "$N" floor1 - render "$run" /nonexistent -- "$FLOOR" --threads 1 --inputs "$SITE/inputs.txt" --manifest /dev/null --out "$WORK/out/floor1-$N-$run"
    for fs in $FS_LIST; do
      base="$(outbase "$fs")/$N"; mkdir -p "$base"
      for tool in "${order[@]}"; do
        case "$tool" in
          trellis)
            out="$base/trellis-$run/Public"; mkdir -p "$(dirname "$out")"
            prime "$SITE/Content" "$TRELLIS"
            timed "$N" trellis "$fs" fresh "$run" "$out" -- "$TRELLIS" build --site "$SITE" --output "$out" --now "$NOW"
            [[ $fs == disk ]] || rm -rf "$(dirname "$out")" ;;
          hugo)
            out="$base/hugo-$run/public"; cache="$base/hugo-$run/cache"; mkdir -p "$cache"
            rm -f "$SITE/hugo/.hugo_build.lock"; rm -rf "$SITE/hugo/resources"
            prime "$SITE/hugo/content" "$SITE/hugo/layouts" "$(command -v hugo)"
            timed "$N" hugo "$fs" fresh "$run" "$out" -- hugo --quiet --source "$SITE/hugo" --cacheDir "$cache" --destination "$out"
            [[ $fs == disk ]] || rm -rf "$(dirname "$out")" ;;
          floor)
            out="$base/floor-$run"
            prime "$SITE/Content"
            timed "$N" floor "$fs" fresh "$run" "$out" -- "$FLOOR" --threads "$THREADS" --inputs "$SITE/inputs.txt" --manifest "$SITE/manifest.tsv" --out "$out"
            [[ $fs == disk ]] || rm -rf "$out" ;;
        esac
      done
    done
  done
done

# ---- rebuilds over an existing output (they delete trees, so they come last) -----
if [[ "$REBUILD" == 1 ]]; then
  for N in $SIZES; do
    SITE="$WORK/site-$N"
    for run in $(seq 1 "$(runs_for "$N")"); do
      for fs in $FS_LIST; do
        base="$(outbase "$fs")/$N"; mkdir -p "$base"
        out="$base/trellis-$run/Public"
        if [[ ! -d "$out" ]]; then  # tmpfs: make the existing output first (untimed)
          mkdir -p "$(dirname "$out")"
          "$TRELLIS" build --site "$SITE" --output "$out" --now "$NOW" >/dev/null 2>&1
        fi
        prime "$SITE/Content" "$TRELLIS"
        timed "$N" trellis "$fs" rebuild "$run" "$out" -- "$TRELLIS" build --site "$SITE" --output "$out" --now "$NOW"
        [[ $fs == disk ]] || rm -rf "$(dirname "$out")"
        if [[ $HUGO == 1 ]]; then
          out="$base/hugo-$run/public"; cache="$base/hugo-$run/cache-rebuild"
          if [[ ! -d "$out" ]]; then
            mkdir -p "$base/hugo-$run"
            hugo --quiet --source "$SITE/hugo" --cacheDir "$base/hugo-$run/cache" --destination "$out" >/dev/null 2>&1
          fi
          mkdir -p "$cache"; rm -f "$SITE/hugo/.hugo_build.lock"
          prime "$SITE/hugo/content" "$SITE/hugo/layouts" "$(command -v hugo)"
          timed "$N" hugo "$fs" rebuild "$run" "$out" -- hugo --quiet --source "$SITE/hugo" --cacheDir "$cache" --destination "$out"
          [[ $fs == disk ]] || rm -rf "$base/hugo-$run"
        fi
      done
    done
  done
fi

# ---- medians, ratios, results.md -------------------------------------------------
python3 "$HERE/summarize.py" --runs "$RUNS_TSV" --invocation "$INVOCATION" --work "$WORK" \
  --trellis "$TRELLIS" --root "$ROOT" --results "$RESULTS" --threads "$THREADS"
log "done; $(uptime)"
