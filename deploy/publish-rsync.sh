#!/usr/bin/env bash
# publish-rsync.sh USER@HOST /srv/trust
#
# Builds the site and publishes it to a plain web server without readers ever seeing a
# half-copied site: the new build is copied into a new release folder (unchanged files are
# hard-linked from the live release, so only changes travel), then the `current` symlink the
# web server serves is switched to it in one atomic rename. The last five releases are kept,
# so going back is one command:  ssh HOST 'ln -sfn releases/OLD /srv/trust/current.new && mv -T /srv/trust/current.new /srv/trust/current'
set -euo pipefail
host="${1:?usage: publish-rsync.sh USER@HOST TARGET_DIR}"
target="${2:?usage: publish-rsync.sh USER@HOST TARGET_DIR}"
cd "$(dirname "$0")/.."

trellis build                       # fails (exit 1) on any content error: nothing is published
cp deploy/_headers Public/_headers 2>/dev/null || true

release="$(date -u +%Y%m%dT%H%M%SZ)"
ssh "$host" "mkdir -p '$target/releases'"
rsync -a --delete --link-dest="$target/current/" Public/ "$host:$target/releases/$release/"
ssh "$host" "cd '$target' && ln -sfn 'releases/$release' current.new && mv -T current.new current && ls -1d releases/* | head -n -5 | xargs -r rm -rf"
echo "published release $release to $host:$target/current"
