#!/usr/bin/env python3
"""Writes the hostile inputs of bench/hostile-scan.sh: files an attacker or an unlucky user could hand to
`lambdaguard scan`, each far larger than the committed regression corpus (test/LambdaGuard.Core.Tests/
Fixtures/Hostile). Deterministic.

    python3 bench/generate-hostile.py OUT_DIR
"""
import gzip, json, os, random, sys

RECORD = {"eventVersion": "1.09", "userIdentity": {"type": "IAMUser", "principalId": "AIDAEXAMPLE",
          "arn": "arn:aws:iam::123456789012:user/alice", "accountId": "123456789012", "userName": "alice"},
          "eventTime": "2026-11-20T09:00:00Z", "eventSource": "lambda.amazonaws.com",
          "eventName": "UpdateFunctionCode20150331v2", "awsRegion": "us-east-1", "sourceIPAddress": "203.0.113.50",
          "userAgent": "aws-cli/2.17.0", "requestParameters": {"functionName": "orders-api"},
          "responseElements": None, "eventID": "e-1", "readOnly": False, "eventType": "AwsApiCall",
          "recipientAccountId": "123456789012", "eventCategory": "Management"}


def write(out, name, chunks, compress=True):
    path = os.path.join(out, name)
    opener = (lambda p: gzip.GzipFile(p, "wb", compresslevel=9, mtime=0)) if compress else (lambda p: open(p, "wb"))
    with opener(path) as handle:
        for chunk in chunks:
            handle.write(chunk)
    print(f"{name}: {os.path.getsize(path) / 1e6:.2f} MB on disk")


def repeat(data, times, block=100_000):
    full, rest = divmod(times, block)
    for _ in range(full):
        yield data * block
    yield data * rest


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    line = json.dumps(RECORD).encode() + b"\n"
    # 5 million malformed lines after one record (the 0.6 MB gzip).
    write(out, "bad-lines-5m.jsonl.gz", [line, *repeat(b"-\n", 5_000_000)])
    # A Markdown file of 1 million list items: not JSON at all.
    write(out, "markdown-1m.md", repeat(b"- an item of a list\n", 1_000_000), compress=False)
    # One string of 1 GiB in a Records array, between two records.
    write(out, "string-bomb-1g.json.gz", [b'{"Records":[', line.strip(), b',"', *repeat(b"a" * 1024, 1024 * 1024), b'",', line.strip(), b"]}"])
    # One JSON line of 1 GiB (a huge function name), then a record.
    write(out, "line-bomb-1g.jsonl.gz", [line, b'{"eventSource":"lambda.amazonaws.com","requestParameters":{"functionName":"',
                                         *repeat(b"f" * 1024, 1024 * 1024), b'"}}\n', line])
    # 500 MiB of opening brackets: nesting no reader may follow.
    write(out, "brackets-500m.json.gz", [b'{"Records":[', *repeat(b"[" * 1024, 512 * 1024)])
    # 1 million human code updates in one file: a finding each.
    write(out, "findings-1m.jsonl.gz", repeat(line, 1_000_000))
    # Random bytes.
    rng = random.Random(7)
    write(out, "random-64m.bin", [rng.randbytes(1 << 20) for _ in range(64)], compress=False)


if __name__ == "__main__":
    main()
