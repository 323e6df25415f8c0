#!/usr/bin/env bash
# Times `lambdaguard scan` on each hostile input of bench/generate-hostile.py (whole command, published CLI)
# and reports wall time, peak RSS, time per MB of (uncompressed) input, the exit code and how many
# diagnostic lines it printed. Usage: bash bench/hostile-scan.sh [--no-publish]
set -euo pipefail
cd "$(dirname "$0")/.."
out=.tmp/hostile
[[ -d "$out" ]] || python3 bench/generate-hostile.py "$out"
if [[ "${1:-}" != "--no-publish" ]]; then
  dotnet publish src/LambdaGuard.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o .tmp/bench-cli --nologo -v quiet >/dev/null
fi
echo "load: $(uptime | sed 's/.*load average/load average/')"
printf '%-24s %9s %9s %8s %9s %9s %5s %8s\n' file disk_MB input_MB wall_s peak_MiB s_per_MB exit stderr
for file in "$out"/*; do
  name=$(basename "$file")
  disk=$(stat -c %s "$file")
  if [[ "$name" == *.gz ]]; then input=$(zcat "$file" | wc -c); else input=$disk; fi
  set +e
  /usr/bin/time -o .tmp/hostile-time -f '%e %M' .tmp/bench-cli/lambdaguard scan "$file" --format jsonl \
    >/dev/null 2>.tmp/hostile-stderr
  code=$?
  set -e
  read -r wall rss < <(tail -1 .tmp/hostile-time)
  lines=$(wc -l < .tmp/hostile-stderr)
  awk -v n="$name" -v d="$disk" -v i="$input" -v w="$wall" -v r="$rss" -v c="$code" -v l="$lines" 'BEGIN {
    printf "%-24s %9.2f %9.1f %8.2f %9d %9.4f %5d %8d\n", n, d/1e6, i/1e6, w, r/1024, w/(i/1e6), c, l }'
done
