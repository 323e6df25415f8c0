#!/usr/bin/env bash
# Times `lambdaguard scan` against the decompression floor (zcat to /dev/null) and the in-process floor
# (GZipStream + vectorized search, 2 threads: bench/LambdaGuard.Benchmarks/ScanFloor.cs) on synthetic gzip
# archives of both mixes of bench/generate-archive.py, whole commands with start-up included, for both
# published forms of the CLI: the Native AOT binary (README "Install": one native file, nothing compiled at
# run time) and the ReadyToRun framework-dependent build that `dotnet tool install` gives. Median of RUNS
# runs, peak RSS, and CPU seconds (user + system), which move less than wall time when other processes share
# the cores. Usage: bash bench/compare-scan.sh [MEGABYTES] [RUNS] [--python]
# (defaults 200 and 5; --python adds the json.load baseline of bench/python-baseline.py).
set -euo pipefail
cd "$(dirname "$0")/.."
rid=linux-x64; [[ "$(uname -m)" == aarch64 ]] && rid=linux-arm64
mb="${1:-200}"
runs="${2:-5}"
python="${3:-}"
dotnet publish src/LambdaGuard.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o .tmp/bench-cli --nologo -v quiet >/dev/null || { echo "dotnet publish failed (rerun without -v quiet to see why)" >&2; exit 1; }
dotnet publish src/LambdaGuard.Cli -c Release -r "$rid" -p:PublishAot=true -o .tmp/bench-aot --nologo -v quiet >/dev/null || { echo "dotnet publish failed (rerun without -v quiet to see why)" >&2; exit 1; }
dotnet publish bench/LambdaGuard.Benchmarks -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o .tmp/bench-floor --nologo -v quiet >/dev/null || { echo "dotnet publish failed (rerun without -v quiet to see why)" >&2; exit 1; }

seconds() { # command... -> "wall peak_kib cpu"
  /usr/bin/time -o .tmp/bench-time -f '%e %M %U %S' "$@" >/dev/null 2>/dev/null
  tail -1 .tmp/bench-time | awk '{ print $1, $2, $3 + $4 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "load before: $(uptime | sed 's/.*load average/load average/')"
printf '%-13s %5s %7s %6s %8s %6s %8s %10s %11s %7s %7s %8s %7s %7s\n' mix files zcat_s aot_s aot/zcat r2r_s r2r/zcat floor_proc_s floor_inproc aot_MiB r2r_MiB zcat_cpu aot_cpu r2r_cpu
for mix in sparse lambda-dense; do
  archive=".tmp/bench-archive-${mb}mb"
  [[ "$mix" == sparse ]] || archive="${archive}-${mix}"
  [[ -d "$archive" ]] || python3 bench/generate-archive.py "$archive" --megabytes "$mb" --mix "$mix" >/dev/null
  files=$(find "$archive" -name '*.gz' | wc -l)
  cat $(find "$archive" -name '*.gz') > /dev/null  # warm the page cache: every command reads from memory
  : > .tmp/bench-zcat; : > .tmp/bench-scan; : > .tmp/bench-rss; : > .tmp/bench-floor-proc; : > .tmp/bench-floor-in; : > .tmp/bench-python; : > .tmp/bench-zcat-cpu; : > .tmp/bench-scan-cpu
  : > .tmp/bench-aot-wall; : > .tmp/bench-aot-rss; : > .tmp/bench-aot-cpu
  for ((run = 1; run <= runs; run++)); do
    read -r wall _ cpu < <(seconds bash -c "find $archive -name '*.gz' -print0 | xargs -0 zcat > /dev/null")
    echo "$wall" >> .tmp/bench-zcat; echo "$cpu" >> .tmp/bench-zcat-cpu
    read -r wall rss cpu < <(seconds .tmp/bench-cli/lambdaguard scan "$archive" --format jsonl)
    echo "$wall" >> .tmp/bench-scan; echo "$rss" >> .tmp/bench-rss; echo "$cpu" >> .tmp/bench-scan-cpu
    read -r wall rss cpu < <(seconds .tmp/bench-aot/lambdaguard scan "$archive" --format jsonl)
    echo "$wall" >> .tmp/bench-aot-wall; echo "$rss" >> .tmp/bench-aot-rss; echo "$cpu" >> .tmp/bench-aot-cpu
    seconds .tmp/bench-floor/LambdaGuard.Benchmarks floor "$archive" | cut -d' ' -f1 >> .tmp/bench-floor-proc
    .tmp/bench-floor/LambdaGuard.Benchmarks floor "$archive" | sed -E 's/.*, ([0-9.]+) s in process/\1/' >> .tmp/bench-floor-in
    if [[ "$python" == --python ]]; then
      seconds python3 bench/python-baseline.py "$archive" | cut -d' ' -f1 >> .tmp/bench-python
    fi
  done
  zcat_s=$(median < .tmp/bench-zcat); scan_s=$(median < .tmp/bench-scan); aot_s=$(median < .tmp/bench-aot-wall)
  printf '%-13s %5d %7.2f %6.2f %8.2f %6.2f %8.2f %10.2f %11.2f %7d %7d %8.2f %7.2f %7.2f\n' "$mix" "$files" "$zcat_s" \
    "$aot_s" "$(awk -v a="$aot_s" -v b="$zcat_s" 'BEGIN { print a / b }')" \
    "$scan_s" "$(awk -v a="$scan_s" -v b="$zcat_s" 'BEGIN { print a / b }')" \
    "$(median < .tmp/bench-floor-proc)" "$(median < .tmp/bench-floor-in)" \
    "$(( $(sort -n .tmp/bench-aot-rss | tail -1) / 1024 ))" "$(( $(sort -n .tmp/bench-rss | tail -1) / 1024 ))" \
    "$(median < .tmp/bench-zcat-cpu)" "$(median < .tmp/bench-aot-cpu)" "$(median < .tmp/bench-scan-cpu)"
  if [[ "$python" == --python ]]; then echo "  python json.load baseline: $(median < .tmp/bench-python) s"; fi
done
echo "load after: $(uptime | sed 's/.*load average/load average/')"
