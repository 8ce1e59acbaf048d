#!/usr/bin/env bash
# PDF printing speed on content/ (docs/pdf.md): a cold build (empty PDF cache) and a warm rebuild (nothing changed),
# each run RUNS times; prints the pdf stage's wall time, the pages printed and pages per second, and the whole
# process tree's CPU time (dotnet, the Playwright driver, Chromium), which other work on a shared machine does not inflate.
# Usage: bench/pdf.sh [RUNS]    (needs chromium and poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet build src/PerfDisclosure.Cli -c Release --nologo -v quiet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli=(dotnet src/PerfDisclosure.Cli/bin/Release/net10.0/perfdisclosure.dll build --output "$work/site" --cache "$work/.cache" --require-pdf)

pdf_ms() { sed -n 's/.*pdf \([0-9]*\) ms.*/\1/p'; }

# CPU seconds of a command and every process it starts. Chromium is not reaped into the build's own rusage (so
# /usr/bin/time misses it): a cgroup (v1 cpuacct, as root) counts it; without one, say so and print "?".
cpu_of() {
  local group=/sys/fs/cgroup/cpuacct/pdfbench-$$
  if mkdir "$group" 2>/dev/null; then
    bash -c 'echo $$ > "$0/cgroup.procs"; exec "$@"' "$group" "$@"
    echo "scale=2; $(cat "$group/cpuacct.usage") / 1000000000" | bc > "$work/cpu"
    rmdir "$group"
  else
    "$@"
    echo "?" > "$work/cpu"
  fi
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(chromium --version 2>/dev/null | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
  rm -rf "$work/.cache" "$work/site"
  start=$(date +%s.%N)
  ms=$(cpu_of "${cli[@]}" | pdf_ms)
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  cpu=$(cat "$work/cpu")
  pages=0; files=0
  while IFS= read -r f; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/{print $2}'))); files=$((files + 1)); done < <(find "$work/site" -name '*.pdf')
  bound=$([ "$cpu" = "?" ] && echo "?" || echo "scale=1; $pages * $(nproc) / $cpu" | bc)
  echo "cold $i: $files PDFs, $pages pages, pdf stage ${ms} ms, $(echo "scale=1; $pages * 1000 / $ms" | bc) pages/s (whole build: ${wall%??????} s wall, ${cpu} s CPU; at most ${bound} pages/s if the $(nproc) cores were ours alone)"
  ms=$("${cli[@]}" | pdf_ms)
  echo "warm $i: nothing changed, pdf stage ${ms} ms (copied from .cache/pdf)"
done
