#!/usr/bin/env bash
# Save-to-reloaded-page latency of `perfdisclosure serve` (docs/authoring.md, "How fast the preview is").
# Usage: bench/serve-reload.sh [CONTENT_DIR] [RUNS]     (default: content, 10 runs)
#   CONTENT_DIR may be a generated corpus: dotnet run -c Release --project bench/PerfDisclosure.Bench -- generate --forms 10000 --seed 1 --from content --out /tmp/corpus
# Copies the content to a temporary folder, starts serve (Release, HTML only) on 127.0.0.1 at a free port, waits for
# the first build, then RUNS times: reads the build count, saves one form with a new project name (t0), asks
# /__perfdisclosure/version?after=N as the page's reload script does (answered when the next build is done), fetches
# the form's page on each new build until it shows the new name (t1). Prints t1 - t0 per run, then min / median / max,
# serve's last rebuild line and its peak RSS. Each save comes 0.5 s after the last reload, while serve still makes the
# last build's downloads: the save interrupts them (docs/authoring.md).
# The server is stopped by its own pid at the end (trap); nothing is left running.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-content}; runs=${2:-10}
work=$(mktemp -d /tmp/perfdisclosure-serve-bench.XXXXXX)
cp -r "$src" "$work/content"
dotnet build -c Release src/PerfDisclosure.Cli -v q --nologo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet src/PerfDisclosure.Cli/bin/Release/net10.0/perfdisclosure.dll serve --port "$port" --content "$work/content" \
  --templates templates --output "$work/site" --cache "$work/.cache" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
base=http://127.0.0.1:$port
form=$(find "$work/content/forms" -name '*.yaml' | sort | awk 'NR == 1')
rel=${form#"$work/content/forms/"}; page="$base/${rel%.yaml}/"
# The first build of a 10,000-form corpus takes minutes: wait up to START_TIMEOUT seconds (default 1800).
start_deadline=$(( $(date +%s) + ${START_TIMEOUT:-1800} ))
until curl -sf -o /dev/null "$page"; do
  [ "$(date +%s)" -lt "$start_deadline" ] || { echo "serve did not start within ${START_TIMEOUT:-1800} s:" >&2; cat "$work/serve.log" >&2; exit 1; }
  kill -0 "$server" 2>/dev/null || { echo "serve stopped:" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
times=()
for i in $(seq 1 "$runs"); do
  v=$(curl -sf "$base/__perfdisclosure/version")
  name="基准测试项目第${i}次保存"
  t0=$(date +%s.%N)
  python3 - "$form" "$name" <<'PY'
import re, sys
path, name = sys.argv[1], sys.argv[2]
text = open(path, encoding='utf-8').read()
text = re.sub(r'^project_name:.*$', 'project_name: ' + name, text, count=1, flags=re.M)
open(path, 'w', encoding='utf-8').write(text)
PY
  # As the page's reload script does: on each new build, reload; done when the page shows the change (a build that
  # began before the save, e.g. one still settling, advances the version without it: wait for the next one).
  deadline=$(( $(date +%s) + 120 ))
  while :; do
    next=$(curl -sf --max-time 30 "$base/__perfdisclosure/version?after=$v" || true)
    if [ -n "$next" ] && [ "$next" != "$v" ]; then
      v=$next
      # To a file, then grep: with pipefail, grep -q leaving early makes curl fail (a broken pipe) on a page that matched.
      curl -sf -o "$work/page.html" "$page" && grep -q "$name" "$work/page.html" && break
    fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "run $i: the page does not show the change within 120 s" >&2; tail -5 "$work/serve.log" >&2; exit 1; }
  done
  t1=$(date +%s.%N)
  ms=$(echo "($t1 - $t0) * 1000" | bc -l | xargs printf '%.0f')
  times+=("$ms"); echo "run $i: ${ms} ms"
  sleep 0.5
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "forms: '"$(find "$work/content/forms" -name '*.yaml' | wc -l)"'  runs: %d  min %d ms  median %d ms  max %d ms  (load %s)\n", NR, a[1], a[int((NR + 1) / 2)], a[NR], "'"$(cut -d' ' -f1 /proc/loadavg)"'" }'
grep '^rebuilt' "$work/serve.log" | tail -1
# What serve holds with its memories of the last rebuilds: its peak resident set so far.
echo "serve peak RSS: $(awk '/^VmHWM/ { printf "%d MiB", $2 / 1024 }' "/proc/$server/status")"
