#!/usr/bin/env bash
# Times `lambdaguard scan` against the decompression floor (zcat to /dev/null) and the in-process floor
# (GZipStream + vectorized search, 2 threads: bench/LambdaGuard.Benchmarks/ScanFloor.cs) on synthetic gzip
# archives of both mixes of bench/generate-archive.py, whole commands with .NET start-up included; median of
# RUNS runs, peak RSS of the scan, and CPU seconds (user + system) of zcat and of the scan, which move less
# than wall time when other processes share the cores. Usage: bash bench/compare-scan.sh [MEGABYTES] [RUNS] [--python]
# (defaults 200 and 5; --python adds the json.load baseline of bench/python-baseline.py).
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-200}"
runs="${2:-5}"
python="${3:-}"
dotnet publish src/LambdaGuard.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o .tmp/bench-cli --nologo -v quiet >/dev/null
dotnet publish bench/LambdaGuard.Benchmarks -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o .tmp/bench-floor --nologo -v quiet >/dev/null

seconds() { # command... -> "wall peak_kib cpu"
  /usr/bin/time -o .tmp/bench-time -f '%e %M %U %S' "$@" >/dev/null 2>/dev/null
  tail -1 .tmp/bench-time | awk '{ print $1, $2, $3 + $4 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "load before: $(uptime | sed 's/.*load average/load average/')"
printf '%-13s %6s %8s %8s %9s %12s %12s %9s %10s %10s\n' mix files zcat_s scan_s scan/zcat floor_proc_s floor_inproc_s scan_MiB zcat_cpu_s scan_cpu_s
for mix in sparse lambda-dense; do
  archive=".tmp/bench-archive-${mb}mb"
  [[ "$mix" == sparse ]] || archive="${archive}-${mix}"
  [[ -d "$archive" ]] || python3 bench/generate-archive.py "$archive" --megabytes "$mb" --mix "$mix" >/dev/null
  files=$(find "$archive" -name '*.gz' | wc -l)
  cat $(find "$archive" -name '*.gz') > /dev/null  # warm the page cache: every command reads from memory
  : > .tmp/bench-zcat; : > .tmp/bench-scan; : > .tmp/bench-rss; : > .tmp/bench-floor-proc; : > .tmp/bench-floor-in; : > .tmp/bench-python; : > .tmp/bench-zcat-cpu; : > .tmp/bench-scan-cpu
  for ((run = 1; run <= runs; run++)); do
    read -r wall _ cpu < <(seconds bash -c "find $archive -name '*.gz' -print0 | xargs -0 zcat > /dev/null")
    echo "$wall" >> .tmp/bench-zcat; echo "$cpu" >> .tmp/bench-zcat-cpu
    read -r wall rss cpu < <(seconds .tmp/bench-cli/lambdaguard scan "$archive" --format jsonl)
    echo "$wall" >> .tmp/bench-scan; echo "$rss" >> .tmp/bench-rss; echo "$cpu" >> .tmp/bench-scan-cpu
    seconds .tmp/bench-floor/LambdaGuard.Benchmarks floor "$archive" | cut -d' ' -f1 >> .tmp/bench-floor-proc
    .tmp/bench-floor/LambdaGuard.Benchmarks floor "$archive" | sed -E 's/.*, ([0-9.]+) s in process/\1/' >> .tmp/bench-floor-in
    if [[ "$python" == --python ]]; then
      seconds python3 bench/python-baseline.py "$archive" | cut -d' ' -f1 >> .tmp/bench-python
    fi
  done
  zcat_s=$(median < .tmp/bench-zcat); scan_s=$(median < .tmp/bench-scan)
  printf '%-13s %6d %8.2f %8.2f %9.2f %12.2f %12.2f %9d %10.2f %10.2f\n' "$mix" "$files" "$zcat_s" "$scan_s" \
    "$(awk -v a="$scan_s" -v b="$zcat_s" 'BEGIN { print a / b }')" "$(median < .tmp/bench-floor-proc)" \
    "$(median < .tmp/bench-floor-in)" "$(( $(sort -n .tmp/bench-rss | tail -1) / 1024 ))" \
    "$(median < .tmp/bench-zcat-cpu)" "$(median < .tmp/bench-scan-cpu)"
  if [[ "$python" == --python ]]; then echo "  python json.load baseline: $(median < .tmp/bench-python) s"; fi
done
echo "load after: $(uptime | sed 's/.*load average/load average/')"
