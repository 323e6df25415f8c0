#!/usr/bin/env python3
"""Writes a synthetic CloudTrail archive in the S3 layout (gzip, {"Records":[...]}) for `lambdaguard scan`
benchmarks. Two mixes, deterministic for a given seed:

- `sparse` (default): about 1% of the records are Lambda's (a mix of human changes, CI/CD deploys and reads),
  the rest the S3/EC2/STS/KMS noise that dominates real trails;
- `lambda-dense`: a quarter of the records are Lambda's, mostly GetFunction/ListFunctions reads by consoles
  and monitoring tools (as in serverless-heavy accounts), the rest of them the sparse mix's changes.

    python3 bench/generate-archive.py OUT_DIR --megabytes 200 [--mix lambda-dense]
"""
import argparse, gzip, json, os, random

ACCOUNT = "123456789012"
SERVICES = [("s3.amazonaws.com", ["GetObject", "PutObject", "GetBucketAcl", "ListObjects"]),
            ("ec2.amazonaws.com", ["DescribeInstances", "DescribeVolumes", "RunInstances"]),
            ("sts.amazonaws.com", ["AssumeRole", "GetCallerIdentity"]),
            ("kms.amazonaws.com", ["Decrypt", "GenerateDataKey", "Encrypt"]),
            ("logs.amazonaws.com", ["CreateLogStream", "PutLogEvents"])]
READS = ["GetFunction20150331v2", "ListFunctions20150331", "GetFunctionConfiguration20150331v2", "GetPolicy20150331v2",
         "ListVersionsByFunction20150331", "GetAlias20150331"]
READERS = [("aws-internal/3 aws-sdk-java/1.12.0", "console"), ("Datadog/1.0 aws-sdk-go/1.44", "datadog-integration"),
           ("aws-sdk-go-v2/1.30 lambda-monitor", "monitoring")]
LAMBDA = ["UpdateFunctionCode20150331v2", "UpdateFunctionConfiguration20150331v2", "GetFunction20150331v2",
          "AddPermission20150331v2", "CreateFunction20150331", "ListFunctions20150331", "DeleteFunction20150331"]


def identity(rng, human):
    if human:
        name = rng.choice(["alice", "bob", "carol"])
        return {"type": "IAMUser", "principalId": "AIDAEXAMPLE", "arn": f"arn:aws:iam::{ACCOUNT}:user/{name}",
                "accountId": ACCOUNT, "accessKeyId": "AKIAEXAMPLE", "userName": name}
    role = rng.choice(["app-role", "GitHubActionsDeployRole", "data-pipeline"])
    session = f"s-{rng.randrange(10**6)}"
    return {"type": "AssumedRole", "principalId": f"AROAEXAMPLE:{session}",
            "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/{session}", "accountId": ACCOUNT,
            "accessKeyId": "ASIAEXAMPLE",
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLE",
                                                 "arn": f"arn:aws:iam::{ACCOUNT}:role/{role}", "accountId": ACCOUNT,
                                                 "userName": role},
                               "attributes": {"creationDate": "2026-11-20T08:00:00Z", "mfaAuthenticated": "false"}}}


def record(rng, n, region, lambda_share, read_share):
    t = f"2026-11-20T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z"
    agent = "aws-sdk-java/2.25.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17"
    draw = rng.random()
    if draw < lambda_share * read_share:
        source, name = "lambda.amazonaws.com", rng.choice(READS)
        agent, role = rng.choice(READERS)
        params = {"functionName": f"fn-{rng.randrange(50)}"} if not name.startswith("List") else {"maxItems": 50}
        human = False
    elif draw < lambda_share:
        source, name = "lambda.amazonaws.com", rng.choice(LAMBDA)
        params = {"functionName": f"fn-{rng.randrange(50)}", "publish": True}
        human = rng.random() < 0.3
    else:
        source, names = rng.choice(SERVICES)
        name = rng.choice(names)
        params = {"bucketName": f"bucket-{rng.randrange(100)}", "key": f"data/{rng.randrange(10**9)}.parquet",
                  "Host": "bucket.s3.amazonaws.com"}
        human = False
    return {"eventVersion": "1.09", "userIdentity": identity(rng, human), "eventTime": t, "eventSource": source,
            "eventName": name, "awsRegion": region, "sourceIPAddress": f"10.0.{rng.randrange(256)}.{rng.randrange(256)}",
            "userAgent": agent, "requestParameters": params,
            "responseElements": None, "additionalEventData": {"SignatureVersion": "SigV4", "bytesTransferredIn": 0},
            "requestID": f"{rng.getrandbits(64):016x}", "eventID": f"{rng.getrandbits(128):032x}",
            "readOnly": name.startswith(("Get", "List", "Describe")), "eventType": "AwsApiCall",
            "managementEvent": True, "recipientAccountId": ACCOUNT, "eventCategory": "Management",
            "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                           "clientProvidedHostHeader": "s3.us-east-1.amazonaws.com"}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--megabytes", type=int, default=200, help="uncompressed size to generate")
    parser.add_argument("--records-per-file", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--mix", choices=["sparse", "lambda-dense"], default="sparse")
    args = parser.parse_args()
    # sparse: 1% Lambda, all of it the change/read mix of LAMBDA (the same archive as before the mixes
    # existed); dense: 25% Lambda, 90% of it console and monitoring reads.
    lambda_share, read_share = (0.01, 0.0) if args.mix == "sparse" else (0.25, 0.9)
    rng = random.Random(args.seed)
    target = args.megabytes * 1024 * 1024
    written, n, index = 0, 0, 0
    while written < target:
        region = ["us-east-1", "eu-west-1"][index % 2]
        folder = os.path.join(args.out, "AWSLogs", ACCOUNT, "CloudTrail", region, "2026", "11", "20")
        os.makedirs(folder, exist_ok=True)
        records = []
        for _ in range(args.records_per_file):
            records.append(record(rng, n, region, lambda_share, read_share))
            n += 1
        data = json.dumps({"Records": records}).encode()
        name = f"{ACCOUNT}_CloudTrail_{region}_20261120T{index:04d}Z_{rng.getrandbits(64):016x}.json.gz"
        with gzip.GzipFile(os.path.join(folder, name), "wb", compresslevel=6, mtime=0) as out:
            out.write(data)
        written += len(data)
        index += 1
    print(f"{index} files, {n} records, {written / 1024 / 1024:.0f} MiB uncompressed in {args.out}")


if __name__ == "__main__":
    main()
