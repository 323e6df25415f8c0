#!/usr/bin/env bash
# Cold start of the detector code: process start to first handled event, over a linux-x64 publish of the
# function, with and without ReadyToRun. Usage: bash bench/cold-start.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
export AWS_EC2_METADATA_DISABLED=true AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
for r2r in true false; do
  out=".tmp/coldstart-r2r-$r2r"
  dotnet publish bench/LambdaGuard.ColdStart -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=$r2r -o "$out" --nologo -v quiet >/dev/null
  echo "ReadyToRun=$r2r"
  for _ in $(seq "$runs"); do
    "$out/LambdaGuard.ColdStart" bench/events/pipeline-deploy.json 2>&1 >/dev/null | grep 'first event'
  done
done
