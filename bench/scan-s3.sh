#!/usr/bin/env bash
# Times `lambdaguard scan` (Native AOT and ReadyToRun builds) over the same synthetic archive read from local disk and from the S3 of fauxqs
# (the emulator in node_modules, on 127.0.0.1), whole commands, median of 3. fauxqs serves objects from one
# Node.js process, so the S3 number measures the emulator as much as the scanner.
# Usage: bash bench/scan-s3.sh [MEGABYTES]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
rid=linux-x64; [[ "$(uname -m)" == aarch64 ]] && rid=linux-arm64
mb="${1:-50}"
archive=".tmp/bench-archive-${mb}mb"
if [[ ! -d "$archive" ]]; then
  python3 bench/generate-archive.py "$archive" --megabytes "$mb"
fi
dotnet publish src/LambdaGuard.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o .tmp/bench-cli --nologo -v quiet >/dev/null || { echo "dotnet publish failed (rerun without -v quiet to see why)" >&2; exit 1; }
dotnet publish src/LambdaGuard.Cli -c Release -r "$rid" -p:PublishAot=true -o .tmp/bench-aot --nologo -v quiet >/dev/null || { echo "dotnet publish failed (rerun without -v quiet to see why)" >&2; exit 1; }

port=4599
node test/emulators/fauxqs.mjs "$port" > /dev/null &
emulator=$!
trap 'kill "$emulator"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.2; done
endpoint="http://127.0.0.1:$port"
curl -s -X PUT "$endpoint/bench" > /dev/null
( cd "$archive" && find AWSLogs -type f -print0 | xargs -0 -P 4 -I{} curl -sf -o /dev/null -H 'Content-Type: application/octet-stream' -X PUT --data-binary @{} "$endpoint/bench/{}" )
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-AKIDLAMBDAGUARDTEST} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-lambdaguard-test-secret}
export AWS_REGION=${AWS_REGION:-us-east-1} AWS_EC2_METADATA_DISABLED=true

median() { # label, command...
  local label=$1; shift
  local times=()
  for _ in 1 2 3; do
    /usr/bin/time -o .tmp/bench-time -f '%e %M' "$@" > .tmp/bench-out 2> /dev/null
    times+=("$(tail -1 .tmp/bench-time)")
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  printf '%-38s %6.2f s   peak RSS %5d MiB   %s findings\n' "$label" "${sorted% *}" "$(( ${sorted#* } / 1024 ))" "$(wc -l < .tmp/bench-out)"
}

echo "archive: $archive ($(du -sh "$archive" | cut -f1) gzip, ${mb} MiB uncompressed, $(find "$archive" -name '*.gz' | wc -l) files)"
cat $(find "$archive" -name '*.gz') > /dev/null
median "scan, local disk (AOT)" .tmp/bench-aot/lambdaguard scan "$archive" --format jsonl
median "scan, s3:// from fauxqs (AOT)" .tmp/bench-aot/lambdaguard scan s3://bench/AWSLogs/ --endpoint-url "$endpoint" --format jsonl
median "scan, local disk (ReadyToRun)" .tmp/bench-cli/lambdaguard scan "$archive" --format jsonl
median "scan, s3:// from fauxqs (ReadyToRun)" .tmp/bench-cli/lambdaguard scan s3://bench/AWSLogs/ --endpoint-url "$endpoint" --format jsonl
