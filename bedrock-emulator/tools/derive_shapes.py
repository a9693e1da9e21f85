#!/usr/bin/env python3
"""Derives the emulator's request shape tables from the public botocore service models.

Usage: derive_shapes.py BOTOCORE_DATA_DIR OUT_DIR
  BOTOCORE_DATA_DIR: botocore/data of a botocore checkout (github.com/boto/botocore)
  OUT_DIR: bedrock-emulator/src/main/resources/dev/camelbedrock/emulator/shapes

Keeps data only: each operation's HTTP binding and input shape, and of every shape reachable from an input its
type, members (with their HTTP location), required members, min/max, pattern, enum, union, sensitive, document
and payload flags. Documentation text is dropped.
"""
import json
import os
import sys

SERVICES = ["bedrock-runtime", "bedrock", "bedrock-agent", "bedrock-agent-runtime"]
SHAPE_KEYS = ["type", "required", "min", "max", "pattern", "enum", "union", "sensitive", "document", "payload",
              "eventstream"]
MEMBER_KEYS = ["shape", "location", "locationName"]


def latest_model(data_dir, service):
    folder = os.path.join(data_dir, service)
    version = sorted(os.listdir(folder))[-1]
    with open(os.path.join(folder, version, "service-2.json"), encoding="utf-8") as f:
        return version, json.load(f)


def derive(service, version, model):
    shapes = model["shapes"]
    out_ops = {}
    keep = set()

    def reach(name):
        if name in keep:
            return
        keep.add(name)
        s = shapes[name]
        for m in s.get("members", {}).values():
            reach(m["shape"])
        for k in ("member", "key", "value"):
            if k in s:
                reach(s[k]["shape"])

    for name, op in sorted(model["operations"].items()):
        entry = {"method": op["http"]["method"], "uri": op["http"]["requestUri"]}
        if "input" in op:
            entry["input"] = op["input"]["shape"]
            reach(op["input"]["shape"])
        out_ops[name] = entry

    out_shapes = {}
    for name in sorted(keep):
        s = shapes[name]
        o = {k: s[k] for k in SHAPE_KEYS if k in s}
        if "members" in s:
            o["members"] = {m: {k: v[k] for k in MEMBER_KEYS if k in v} for m, v in s["members"].items()}
        for k in ("member", "key", "value"):
            if k in s:
                o[k] = s[k]["shape"]
        out_shapes[name] = o
    return {"service": service, "apiVersion": version, "protocol": model["metadata"]["protocol"],
            "operations": out_ops, "shapes": out_shapes}


def main():
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for service in SERVICES:
        version, model = latest_model(data_dir, service)
        table = derive(service, version, model)
        with open(os.path.join(out_dir, service + ".json"), "w", encoding="utf-8") as f:
            json.dump(table, f, indent=None, separators=(",", ":"), sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
