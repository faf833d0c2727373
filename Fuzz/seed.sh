#!/bin/sh
# Copies the seed corpora into Fuzz/Corpus/<target>/: every Markdown file and site.yml of the
# example site (Content/) and of the every-kind fixture (Tests/Fixtures/every-kind/Content/), plus
# the hand-written seeds in Fuzz/Seeds/<target>/ (hostile values, pathological shapes). Files are
# named by their content's hash, so running it again adds nothing twice. Corpus/ is not committed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
for target in front-matter markdown build; do
    corpus="$here/Corpus/$target"
    mkdir -p "$corpus"
    find "$root/Content" "$root/Tests/Fixtures/every-kind/Content" "$here/Seeds/$target" \
        -type f \( -name '*.md' -o -name '*.yml' -o -name '*.txt' \) | sort | while read -r file; do
        hash=$(sha1sum "$file" | cut -c1-40)
        [ -e "$corpus/$hash" ] || cp "$file" "$corpus/$hash"
    done
    echo "seed.sh: $(ls "$corpus" | wc -l) inputs in Corpus/$target"
done
