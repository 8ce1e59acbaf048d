#!/usr/bin/env bash
# PDF speed of the Typst engine (docs/pdf.md): for content/ (47 forms) and a generated corpus of N forms
# (bench/PerfDisclosure.Bench, seed 1), a cold build with PDFs (no cache, so every per-form PDF and every compilation
# is typeset), then a build with --no-pdf for the baseline, in turn. One Markdown row per build: PDFs, pages, the pdf
# stage's wall time and pages per second (per-form PDFs and compilations together: the build's own pdf stage time,
# pages counted with pdfinfo), the whole build's wall and CPU seconds (every process it starts: the engine's Node
# workers are counted by a cgroup when one can be made) and the largest single process's peak memory (/usr/bin/time).
# The machine may be shared: quote medians and the load column.
# Usage: bench/pdf.sh [RUNS] [N]     (default 3 runs, N = 10000; N = 0: content/ only; needs poppler-utils,
#                                     npm ci --prefix pdf-engine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
forms=${2:-10000}
work=${BENCH_WORK:-/tmp/perfdisclosure-bench}
mkdir -p "$work"
dotnet build src/PerfDisclosure.Cli -c Release --nologo -v quiet >/dev/null
dotnet build bench/PerfDisclosure.Bench -c Release --nologo -v quiet >/dev/null
cli=(dotnet src/PerfDisclosure.Cli/bin/Release/net10.0/perfdisclosure.dll build --no-cache)
gen=(dotnet bench/PerfDisclosure.Bench/bin/Release/net10.0/PerfDisclosure.Bench.dll)
run=$(mktemp -d "$work/pdf-XXXXXX")
trap 'rm -rf "$run"' EXIT

# cpu_of CMD...: runs CMD; writes the CPU seconds of it and every process it starts to $run/cpu ("?" without a cgroup).
cpu_of() {
  local group=/sys/fs/cgroup/cpuacct/pdfbench-$$
  if mkdir "$group" 2>/dev/null; then
    bash -c 'echo $$ > "$0/cgroup.procs"; exec "$@"' "$group" "$@"
    echo "scale=1; $(cat "$group/cpuacct.usage") / 1000000000" | bc > "$run/cpu"
    rmdir "$group"
  else
    "$@"
    echo "?" > "$run/cpu"
  fi
}

# measure CORPUS LABEL ARGS...: one build, one table row.
measure() {
  local corpus=$1 label=$2; shift 2
  local out=$run/site-$RANDOM log=$run/log
  cpu_of /usr/bin/time -v -o "$run/time" "${cli[@]}" --content "$corpus" --output "$out" "$@" >"$log" 2>&1 \
    || { echo "failed: $label" >&2; tail -5 "$log" >&2; exit 1; }
  local cpu wall rss files pages ms
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$run/time")
  [ "$(cat "$run/cpu")" = "?" ] || cpu=$(cat "$run/cpu")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$run/time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$run/time")
  ms=$(sed -n 's/.*pdf \([0-9]*\) ms.*/\1/p' "$log")
  files=0; pages=0
  while IFS= read -r f; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/{print $2}'))); files=$((files + 1)); done < <(find "$out" -name '*.pdf')
  if [ "$files" -gt 0 ]; then
    printf '| %s | %s | %s | %s | %.1f | %.1f | %s | %s | %s | %s |\n' "$(basename "$corpus")" "$label" "$files" "$pages" \
      "$(echo "$ms / 1000" | bc -l)" "$(echo "$pages * 1000 / $ms" | bc -l)" "$wall" "$cpu" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
  else
    printf '| %s | %s | 0 | 0 | - | - | %s | %s | %s | %s |\n' "$(basename "$corpus")" "$label" "$wall" "$cpu" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
  fi
  rm -rf "$out"
}

corpora=("$PWD/content")
if [ "$forms" -gt 0 ]; then
  corpus=$work/corpus-$forms
  [ -d "$corpus" ] || "${gen[@]}" generate --forms "$forms" --seed 1 --from content --out "$corpus" >/dev/null
  corpora+=("$corpus")
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(node --version), $(node -p "require('$PWD/pdf-engine/node_modules/@myriaddreamin/typst-ts-node-compiler/package.json').version" 2>/dev/null || echo 'no engine'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| corpus | engine | PDFs | pages | pdf stage s | pages/s | whole build s | CPU s | peak MiB | load |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for corpus in "${corpora[@]}"; do
  for i in $(seq "$runs"); do
    measure "$corpus" typst --require-pdf
    measure "$corpus" "no PDF (baseline)" --no-pdf
  done
done
