#!/usr/bin/env bash
# Times `lambdaguard scan` against the decompression floor (zcat to /dev/null) and the Python json.load
# baseline on the same synthetic gzip archive, whole commands with .NET start-up included, and reports
# peak RSS. Usage: bash bench/compare-scan.sh [MEGABYTES]   (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-200}"
archive=".tmp/bench-archive-${mb}mb"
if [[ ! -d "$archive" ]]; then
  python3 bench/generate-archive.py "$archive" --megabytes "$mb"
fi
dotnet publish src/LambdaGuard.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o .tmp/bench-cli --nologo -v quiet >/dev/null
files=$(find "$archive" -name '*.gz' | sort)

measure() { # label, command...
  local label=$1; shift
  local out
  /usr/bin/time -o .tmp/bench-time -f '%e %M' "$@" >/dev/null 2>/dev/null
  out=$(tail -1 .tmp/bench-time)
  printf '%-28s %8.2f s   peak RSS %6d MiB\n' "$label" "${out% *}" "$(( ${out#* } / 1024 ))"
}

echo "archive: $archive ($(du -sh "$archive" | cut -f1) gzip, ${mb} MiB uncompressed, $(echo "$files" | wc -l) files)"
cat $files > /dev/null  # warm the page cache so every command reads from memory
for run in 1 2 3; do
  echo "run $run"
  measure "zcat > /dev/null" bash -c "zcat $archive/AWSLogs/*/CloudTrail/*/*/*/*/*.gz > /dev/null"
  measure "lambdaguard scan (jsonl)" .tmp/bench-cli/lambdaguard scan "$archive" --format jsonl
  measure "python json.load baseline" python3 bench/python-baseline.py "$archive"
done
