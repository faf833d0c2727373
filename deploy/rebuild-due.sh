#!/usr/bin/env bash
# rebuild-due.sh BUILD_JSON_FILE_OR_URL
#
# Exits 0 when the published site is due a rebuild: its build.json cannot be read, or the
# next_change it records (the next instant a consultation opens or closes, a notice starts or
# ends, or a "days left" countdown ticks over) has passed. Exits 1 when the site is current.
# An hourly schedule runs this and rebuilds only when it says so; a push always rebuilds.
set -euo pipefail
source="${1:?usage: rebuild-due.sh BUILD_JSON_FILE_OR_URL}"
if [[ "$source" == http://* || "$source" == https://* ]]; then
  json=$(curl -fsS --max-time 30 "$source" 2>/dev/null) || { echo "no build.json at $source: rebuild"; exit 0; }
else
  json=$(cat "$source" 2>/dev/null) || { echo "no $source: rebuild"; exit 0; }
fi
next=$(printf '%s' "$json" | sed -n 's/.*"next_change":"\([^"]*\)".*/\1/p')
if [ -z "$next" ]; then
  echo "nothing scheduled to change (next_change is null): no rebuild"
  exit 1
fi
if [ "$(date -u +%s)" -ge "$(date -u -d "$next" +%s)" ]; then
  echo "next_change $next has passed: rebuild"
  exit 0
fi
echo "site is current until $next"
exit 1
