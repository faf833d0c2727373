#!/usr/bin/env bash
# bench/guard.sh -- the speed regression guard CI runs (`make bench-guard`, part of `make test`).
#
# Wall-clock thresholds flake on a shared machine, so this counts instructions instead: the
# release trellis builds a small synthetic site (bench/gen_site.py, 150 documents, a fixed seed)
# under valgrind's callgrind, which counts every instruction executed, the same on a busy
# machine as on a quiet one (within about 1%). The count must stay within the budget in
# bench/guard-budget, which is the count measured when it was last set plus 25%.
#
#   bench/guard.sh              check against the budget (exit 1 when over it)
#   bench/guard.sh --record     measure and write a new budget (after a change that is meant
#                               to cost more, or that saved a lot: commit the new budget with it)
#
# Settings (environment): GUARD_TRELLIS, a release trellis to use instead of building one.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BUDGET_FILE="$HERE/guard-budget"
DOCS=150
SEED=11
NOW=2026-11-20T12:00
MARGIN_PERCENT=25

log() { printf 'bench-guard: %s\n' "$*" >&2; }

if ! command -v valgrind >/dev/null; then
  log "installing valgrind (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null
  apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 valgrind >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${GUARD_TRELLIS:-}" ]]; then
  trellis="$GUARD_TRELLIS"
else
  (cd "$ROOT" && swift build -c release --product trellis --scratch-path .build-bench >&2)
  trellis="$ROOT/.build-bench/release/trellis"
fi
# valgrind 3.19 cannot read the DWARF 5 that Swift 6 writes; it needs no debug information to count.
objcopy --strip-debug "$trellis" "$work/trellis"

python3 "$HERE/gen_site.py" "$work/site" --docs "$DOCS" --seed "$SEED" --now "$NOW" >/dev/null
# One build outside valgrind first: the site must build cleanly, or the count means nothing.
"$work/trellis" build --site "$work/site" --output "$work/check/Public" --now "$NOW" >/dev/null 2>&1 \
  || { log "the guard site does not build:"; "$work/trellis" build --site "$work/site" --output "$work/check/Public" --now "$NOW"; exit 1; }

valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$work/trellis" build --site "$work/site" --output "$work/out/Public" --now "$NOW" >/dev/null 2>"$work/valgrind.log" \
  || { cat "$work/valgrind.log" >&2; log "the build failed under valgrind"; exit 1; }
count=$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$work/valgrind.log")
[[ -n "$count" ]] || { cat "$work/valgrind.log" >&2; log "no instruction count in valgrind's report"; exit 1; }
pretty() { printf "%'d" "$1" 2>/dev/null || printf '%d' "$1"; }

if [[ "${1:-}" == "--record" ]]; then
  budget=$(( count + count * MARGIN_PERCENT / 100 ))
  printf '%s\n' "$budget" >"$BUDGET_FILE"
  log "measured $(pretty "$count") instructions for $DOCS documents; budget set to $(pretty "$budget") in bench/guard-budget"
  exit 0
fi

[[ -r "$BUDGET_FILE" ]] || { log "no bench/guard-budget; run bench/guard.sh --record"; exit 1; }
budget=$(cat "$BUDGET_FILE")
percent=$(( count * 100 / budget ))
if (( count > budget )); then
  log "FAILED: building $DOCS documents took $(pretty "$count") instructions, over the budget of $(pretty "$budget") (${percent}%)."
  log "Profile the change (bench/profile/README.md). If the cost is intended, run bench/guard.sh --record and commit bench/guard-budget."
  exit 1
fi
log "ok: $(pretty "$count") instructions for $DOCS documents, ${percent}% of the budget ($(pretty "$budget"))"
