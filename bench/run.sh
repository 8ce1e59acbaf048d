#!/usr/bin/env bash
# Whole-process benchmark: PerfDisclosure against Hugo on the same synthetic forms.
# Usage: bench/run.sh [N ...]        (default: 1000 10000)
# For each N: generates N forms (deterministic, seed 1) from content/, then measures with /usr/bin/time -v:
#   check; build (HTML + data + search, no PDFs); a rebuild with nothing changed; Hugo rendering the same forms
#   (bench/hugo: content exported from the build's forms.json, comparable templates, org list pages, no RSS).
# Goals (issue #20): build <= 0.5 x Hugo's wall, check <= 2 s, one form changed <= 1.5 s, nothing changed <= 0.5 s,
# 100k forms <= 1 GiB peak (bench/run.sh 100000).
# Prints one Markdown table row per measurement (with user+sys CPU seconds and the 1-minute load average, since
# the machine may be shared); docs/benchmarks.md records the figures and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work=${BENCH_WORK:-/tmp/perfdisclosure-bench}
mkdir -p "$work"
command -v hugo >/dev/null || { echo "hugo is not installed: apt-get install -y hugo" >&2; exit 2; }

dotnet build -c Release src/PerfDisclosure.Cli -v q --nologo >/dev/null
dotnet build -c Release bench/PerfDisclosure.Bench -v q --nologo >/dev/null
cli=(dotnet src/PerfDisclosure.Cli/bin/Release/net10.0/perfdisclosure.dll)
gen=(dotnet bench/PerfDisclosure.Bench/bin/Release/net10.0/PerfDisclosure.Bench.dll)

# measure LABEL N CMD...: runs CMD under /usr/bin/time -v, prints "| N | LABEL | wall s | forms/s | user+sys s | peak RSS MiB | load |"
measure() {
  local label=$1 n=$2; shift 2
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { echo "failed: $*" >&2; tail -20 "$log" "$log.out" >&2; exit 1; }
  local wall rss cpu load
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$log")
  load=$(cut -d' ' -f1 /proc/loadavg)
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  printf '| %s | %s | %.2f | %.0f | %s | %s | %s |\n' "$n" "$label" "$wall" "$(echo "$n / $wall" | bc -l)" "$cpu" "$rss" "$load"
  last_wall=$wall
  case $label in build*) last_build=$wall ;; esac
  rm -f "$log" "$log.out"
}

# Every output goes to a new folder; the previous runs' outputs are deleted at the end, not before a build. On this
# machine's ext4, creating files right after tens of thousands were deleted is several times slower (perf: inode
# allocation scanning recently deleted inodes, `recently_deleted` in `find_inode_bit`), which would time the disk.
run=$work/run-$(date +%s)
mkdir -p "$run"

echo "| forms | run | wall s | forms/s | user+sys s | peak RSS MiB | load avg |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n
  [ -d "$corpus" ] || "${gen[@]}" generate --forms "$n" --seed 1 --from content --out "$corpus" >/dev/null
  measure "check" "$n" "${cli[@]}" check --content "$corpus" --format json
  # A per-N render cache, new, so the first build renders everything and the rebuild measures the stamp and cache.
  measure "build (HTML + data + search)" "$n" "${cli[@]}" build --content "$corpus" --output "$run/site-$n" --no-pdf --cache "$run/cache-$n"
  measure "rebuild, nothing changed" "$n" "${cli[@]}" build --content "$corpus" --output "$run/site-$n" --no-pdf --cache "$run/cache-$n"
  # One form's title changed (its page, its organisation's and the lists that name it render again), then put back.
  form=$(find "$corpus/forms" -name '*.yaml' | sort | head -1)
  cp "$form" "$run/form.yaml"
  sed -i '0,/^project_name: /s/^project_name: /project_name: 改 /' "$form"
  measure "rebuild, one form changed" "$n" "${cli[@]}" build --content "$corpus" --output "$run/site-$n" --no-pdf --cache "$run/cache-$n"
  cp "$run/form.yaml" "$form"
  hugo_site=$run/hugo-$n
  cp -r bench/hugo/site "$hugo_site"
  python3 bench/hugo/export.py "$run/site-$n/data/forms.json" "$hugo_site" >/dev/null
  measure "Hugo $(hugo version | awk '{print $2}' | cut -d+ -f1) (HTML only)" "$n" hugo --quiet -s "$hugo_site" -d "$hugo_site/public"
  # The build's wall time over Hugo's, from the two rows above (one run each: the figures in docs/benchmarks.md are
  # medians of alternated runs, ratio taken pair by pair).
  echo "| $n | build / Hugo wall ratio (goal <= 0.5) | $(echo "scale=2; $last_build / $last_wall" | bc -l) | | | | |"
done
find "$work" -maxdepth 1 -name 'run-*' -type d ! -path "$run" -exec rm -rf {} +
