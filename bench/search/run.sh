#!/usr/bin/env bash
# The search benchmark of docs/search.md: a synthetic site of N forms, our index, Pagefind's index of the same
# pages, then bytes, time, recall and precision per query. Usage: bench/search/run.sh [N] [SEED] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000} seed=${2:-1} work=${3:-/tmp/perfdisclosure-search-bench}
mkdir -p "$work"
(cd bench/search && npm install --no-audit --no-fund --silent)
dotnet build src/PerfDisclosure.Cli -c Release -v q --nologo >/dev/null
dotnet run -c Release --project bench/PerfDisclosure.Bench -- generate --forms "$n" --seed "$seed" --from content --out "$work/content"
rm -rf "$work/site"
/usr/bin/time -v src/PerfDisclosure.Cli/bin/Release/net10.0/perfdisclosure build --content "$work/content" --output "$work/site" 2>"$work/build-time.txt"
grep -E "Elapsed|Maximum resident" "$work/build-time.txt"
# Pagefind reads only each form page's main region, as our index does.
find "$work/site" -path '*/form-*/index.html' -print0 | xargs -0 sed -i 's/<main id="main"/<main data-pagefind-body id="main"/'
/usr/bin/time -v bench/search/node_modules/.bin/pagefind --site "$work/site" --glob 'org-*/*/form-*/index.html' >"$work/pagefind.txt" 2>&1
grep -E "Indexed|Finished|Elapsed|Maximum resident" "$work/pagefind.txt"
du -s --apparent-size --block-size=1000 "$work/site/search" "$work/site/pagefind"
node bench/search/compare.mjs "$work/site" > "$work/compare.json"
cat "$work/compare.json"
