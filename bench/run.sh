#!/usr/bin/env bash
# Whole-process benchmark: PerfDisclosure against Hugo on the same synthetic forms; prints every goal figure of
# issue #20 in one run.
# Usage: bench/run.sh [N ...]        (default: 10000; BENCH_LARGE=100000 adds the peak-memory build, 0 leaves it out)
# For each N: generates N forms (deterministic, seed 1) from content/, then measures with /usr/bin/time -v:
#   check (one untimed run, then three); BENCH_PAIRS (default 5) alternated pairs of a first build (HTML + data + search, no PDFs, a new render
#   cache and output each time) and Hugo rendering the same forms (bench/hugo: content exported from the build's
#   forms.json, comparable templates, org list pages, no RSS), with the median of the pair-by-pair wall ratios; a
#   rebuild with nothing changed; a rebuild with one form changed; and `diff -r` of the first build against the
#   same build without the render cache (and, with BENCH_BASELINE=<an earlier perfdisclosure.dll>, against that
#   binary's build of the same forms): "identical" or the differences.
# Then BENCH_LARGE forms built once with the render cache on, for the peak RSS.
# Goals (issue #20): build <= 0.5 x Hugo's wall, check <= 2 s, one form changed <= 1.5 s, nothing changed <= 0.5 s,
# 100k forms <= 1 GiB peak, every build byte-identical.
# Prints one Markdown table row per measurement (with user+sys CPU seconds and the 1-minute load average, since
# the machine may be shared); docs/benchmarks.md records the figures and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000)
pairs=${BENCH_PAIRS:-5}
large=${BENCH_LARGE:-100000}
baseline=${BENCH_BASELINE:-}
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
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { echo "failed: $*" >&2; tail -n 20 "$log" "$log.out" >&2; exit 1; }
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
# identical LABEL N A B: prints whether two built sites are byte for byte the same.
identical() {
  local label=$1 n=$2 diffs
  # The site marker lists every file with its modification time: compared without that column.
  diffs=$(diff -rq -x .perfdisclosure-site "$3" "$4" | wc -l || true)
  cmp -s <(awk '{ $3 = ""; print }' "$3/.perfdisclosure-site") <(awk '{ $3 = ""; print }' "$4/.perfdisclosure-site") || diffs=$((diffs + 1))
  if [ "$diffs" -eq 0 ]; then verdict=identical; else verdict="**$diffs differences** (diff -r $3 $4)"; fi
  echo "| $n | diff -r, $label | $verdict | | | | |"
}

for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n
  [ -d "$corpus" ] || "${gen[@]}" generate --forms "$n" --seed 1 --from content --out "$corpus" >/dev/null
  # check: once untimed (the corpus read into the page cache, as the builds below find it), then three timed runs.
  "${cli[@]}" check --content "$corpus" --format json >/dev/null || true
  for r in 1 2 3; do measure "check, run $r" "$n" "${cli[@]}" check --content "$corpus" --format json; done
  # Alternated pairs: each build with a new render cache and output (a first build renders everything), each Hugo
  # run into a new folder; the ratio is taken pair by pair and its median printed.
  hugo_site=$run/hugo-$n
  ratios=()
  for p in $(seq 1 "$pairs"); do
    measure "build (HTML + data + search), pair $p" "$n" "${cli[@]}" build --content "$corpus" --output "$run/site-$n-$p" --no-pdf --cache "$run/cache-$n-$p"
    if [ "$p" -eq 1 ]; then
      cp -r bench/hugo/site "$hugo_site"
      python3 bench/hugo/export.py "$run/site-$n-1/data/forms.json" "$hugo_site" >/dev/null
    fi
    measure "Hugo $(hugo version | awk '{print $2}' | cut -d+ -f1) (HTML only), pair $p" "$n" hugo --quiet -s "$hugo_site" -d "$run/hugo-public-$n-$p"
    ratios+=("$(echo "scale=3; $last_build / $last_wall" | bc -l)")
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { print (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2) }')
  echo "| $n | build / Hugo wall ratio, median of $pairs pairs (goal <= 0.5) | $median | ${ratios[*]} | | | |"
  site=$run/site-$n-1
  measure "rebuild, nothing changed" "$n" "${cli[@]}" build --content "$corpus" --output "$site" --no-pdf --cache "$run/cache-$n-1"
  # One form's title changed (its page, its organisation's and the lists that name it render again), then put back.
  form=$(find "$corpus/forms" -name '*.yaml' | sort | awk 'NR == 1')
  cp "$form" "$run/form.yaml"
  sed -i '0,/^project_name: /s/^project_name: /project_name: 改 /' "$form"
  measure "rebuild, one form changed" "$n" "${cli[@]}" build --content "$corpus" --output "$site" --no-pdf --cache "$run/cache-$n-1"
  cp "$run/form.yaml" "$form"
  # Back to the corpus as generated: the cached site must equal a build without the cache (and an earlier binary's).
  "${cli[@]}" build --content "$corpus" --output "$site" --no-pdf --cache "$run/cache-$n-1" >/dev/null 2>>"$run/warnings.log"
  "${cli[@]}" build --content "$corpus" --output "$run/site-$n-nocache" --no-pdf --no-cache >/dev/null 2>>"$run/warnings.log"
  identical "render cache against --no-cache" "$n" "$site" "$run/site-$n-nocache"
  if [ -n "$baseline" ]; then
    dotnet "$baseline" build --content "$corpus" --output "$run/site-$n-baseline" --no-pdf --no-cache >/dev/null 2>>"$run/warnings.log"
    identical "this binary against $baseline" "$n" "$site" "$run/site-$n-baseline"
  fi
done
if [ "$large" -gt 0 ]; then
  corpus=$work/corpus-$large
  [ -d "$corpus" ] || "${gen[@]}" generate --forms "$large" --seed 1 --from content --out "$corpus" >/dev/null
  measure "build, render cache on (goal: peak RSS <= 1024 MiB)" "$large" "${cli[@]}" build --content "$corpus" --output "$run/site-$large" --no-pdf --cache "$run/cache-$large"
fi
find "$work" -maxdepth 1 -name 'run-*' -type d ! -path "$run" -exec rm -rf {} +
