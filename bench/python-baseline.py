#!/usr/bin/env python3
"""The baseline `lambdaguard scan` must beat by 5x: rule evaluation the way Panther and StreamAlert run it,
json.load of every file and a Python check of every record (Lambda source, change api, human actor)."""
import gzip, json, os, re, sys

SUFFIX = re.compile(r"^(?P<api>[A-Za-z]+?)(?P<v>\d{8}(v\d+)?)?$")
HUMAN = {"Root", "IAMUser", "FederatedUser", "IdentityCenterUser"}


def rule(event):
    if event.get("eventSource") != "lambda.amazonaws.com" or event.get("errorCode"):
        return False
    api = SUFFIX.match(event.get("eventName", "")).group("api")
    if event.get("readOnly") or api.startswith(("Get", "List", "Invoke")):
        return False
    identity = event.get("userIdentity") or {}
    kind = identity.get("type")
    issuer = (identity.get("sessionContext") or {}).get("sessionIssuer") or {}
    return kind in HUMAN or (kind == "AssumedRole" and issuer.get("userName", "").startswith("AWSReservedSSO_"))


def main():
    alerts = records = 0
    for root, _, files in os.walk(sys.argv[1]):
        for name in sorted(files):
            path = os.path.join(root, name)
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as handle:
                for event in json.load(handle).get("Records", []):
                    records += 1
                    alerts += rule(event)
    print(f"{records} records, {alerts} alerts")


if __name__ == "__main__":
    main()
