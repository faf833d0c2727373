#!/usr/bin/env bash
# cron-rebuild.sh USER@HOST /srv/trust
#
# For a plain web server, run hourly from cron on the machine that builds:
#   0 * * * *  cd /srv/trust-source && git pull -q && deploy/cron-rebuild.sh deploy@www.example.org /srv/trust
# It publishes when Content/ changed since the last publish or the live site's next_change has
# passed; otherwise it does nothing. The in-browser script corrects a banner in the meantime.
set -euo pipefail
host="${1:?usage: cron-rebuild.sh USER@HOST TARGET_DIR}"
target="${2:?usage: cron-rebuild.sh USER@HOST TARGET_DIR}"
cd "$(dirname "$0")/.."
stamp=.trellis-published-commit
head=$(git rev-parse HEAD)
due=no
if [ "$(cat "$stamp" 2>/dev/null)" != "$head" ]; then
  due=yes                                             # new commits since the last publish
else
  live=$(mktemp)
  ssh "$host" "cat '$target/current/build.json'" > "$live" 2>/dev/null || true
  if deploy/rebuild-due.sh "$live"; then due=yes; fi   # a banner is due to change
  rm -f "$live"
fi
if [ "$due" = yes ]; then
  deploy/publish-rsync.sh "$host" "$target"
  echo "$head" > "$stamp"
fi
