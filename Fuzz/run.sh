#!/bin/sh
# Builds the fuzz targets with libFuzzer's coverage and address sanitizer, seeds the corpora, and
# runs each target for SECONDS (default 600) one after another. Findings (crashes, hangs over 10 s,
# sanitizer reports, unsafe output) are written to Fuzz/Findings/<target>/ and make the script
# exit 1; the inputs that found new coverage are kept in Fuzz/Corpus/<target>/ for the next run.
#
#   Fuzz/run.sh [SECONDS] [TARGET ...]      TARGET: front-matter, markdown, build (default: all)
#
# Reproduce a finding:  Fuzz/.build-fuzz/debug/FuzzMarkdown Fuzz/Findings/markdown/crash-...
set -eu
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-front-matter markdown build}

cd "$here"
# TrellisKit and its dependencies get coverage and ASan from these flags; only the fuzz targets
# link libFuzzer (Package.swift). detect_leaks=0 while building: the theme-embedding tool that runs
# during the build is instrumented too, and its process-lifetime globals are not leaks.
for product in FuzzFrontMatter FuzzMarkdown FuzzBuild; do
    if ! ASAN_OPTIONS=detect_leaks=0 swift build -c debug --scratch-path .build-fuzz --product "$product" \
        -Xswiftc -sanitize=address \
        -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
        -Xcc -fsanitize=fuzzer-no-link,address \
        -Xswiftc -use-ld=lld >.build-fuzz.log 2>&1; then
        grep -v "Cannot export local symbol" .build-fuzz.log | tail -20 >&2
        echo "run.sh: $product did not build (full log: Fuzz/.build-fuzz.log)" >&2
        exit 2
    fi
done
./seed.sh

status=0
for target in $targets; do
    case $target in
        front-matter) binary=FuzzFrontMatter; dict=yaml.dict ;;
        markdown) binary=FuzzMarkdown; dict=markdown.dict ;;
        build) binary=FuzzBuild; dict=markdown.dict ;;
        *) echo "run.sh: unknown target $target (front-matter, markdown, build)" >&2; exit 2 ;;
    esac
    mkdir -p "Findings/$target" "Logs"
    log="Logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
    echo "run.sh: $binary for ${seconds}s (log: Fuzz/$log)"
    # Swift's own backtracer would wait on a crash; libFuzzer and ASan report it instead. Leak
    # checking is off: Swift's runtime keeps compiled regexes and type metadata for the life of
    # the process, which LeakSanitizer reports as leaks in every run.
    if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
        ".build-fuzz/debug/$binary" "Corpus/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=65536 -detect_leaks=0 \
        -dict="Dictionaries/$dict" -artifact_prefix="Findings/$target/" -print_final_stats=1 \
        >"$log" 2>&1; then
        grep -E "^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" || true
    else
        status=1
        echo "run.sh: $binary FOUND SOMETHING; see Fuzz/$log and Fuzz/Findings/$target/" >&2
        grep -E "ERROR|SUMMARY|Test unit written" "$log" >&2 || true
    fi
done
exit $status
