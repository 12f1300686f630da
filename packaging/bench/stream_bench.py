#!/usr/bin/python3
"""Peak memory of evaluation and embedding extraction against the length of the file (#18 goal
7): the demo model over SST-2 sentences repeated to --rows (default 100,000 and 1,000,000), with
`evaluate --stream` and `embed --project none`, and the in-memory `evaluate` on the shorter file
for reference. Prints peak resident memory (GNU time) and throughput; the ratio of the two peaks
of a command is what "independent of its length" means here. The CPU model and flags come first.

    packaging/bench/stream_bench.py [--build build] [--rows 100000,1000000] [--threads 2]
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from compare import cpu_description  # noqa: E402


def measure(cmd, env):
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M"] + cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {p.stderr[-400:]}")
    return int(re.search(r"MAXRSS (\d+)", p.stderr).group(1)) / 1024, seconds


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--build", default=os.path.join(ROOT, "build"))
    a.add_argument("--rows", default="100000,1000000")
    a.add_argument("--threads", type=int, default=2)
    a.add_argument("--sst2", default=os.path.join(ROOT, "..", "shared", "data", "sst2"))
    args = a.parse_args()
    cli = os.path.join(args.build, "app", "distilbench-cli")
    model = os.path.join(ROOT, "resources", "demo", "sst2-distilbert-tiny")
    env = dict(os.environ, DISTILBENCH_KEYCHAIN="0")
    name, flags, cores = cpu_description()
    print(f"CPU: {name}, {cores} cores; flags: {' '.join(flags)}", flush=True)
    lines = open(os.path.join(args.sst2, "train.tsv"), encoding="utf-8").read().splitlines()
    header, body = lines[0], lines[1:]
    work = tempfile.mkdtemp(prefix="distilbench-stream-")
    rows = [int(r) for r in args.rows.split(",")]
    print("| rows | command | peak resident | wall | rows/s |\n|---|---|---|---|---|", flush=True)
    try:
        for n in rows:
            data = os.path.join(work, f"data-{n}.tsv")
            with open(data, "w", encoding="utf-8") as f:
                f.write(header + "\n")
                for i in range(n):
                    f.write(body[i % len(body)] + "\n")
            size = os.path.getsize(data) / 2**20
            cases = [("evaluate --stream", ["evaluate", model, "--data", data, "--stream"]),
                     ("embed --project none", ["embed", model, "--data", data, "--project", "none",
                                               "--vectors", os.path.join(work, "vectors.tsv")])]
            if n == min(rows):
                cases.append(("evaluate (in memory)", ["evaluate", model, "--data", data]))
            for label, cmd in cases:
                mib, seconds = measure([cli, "--threads", str(args.threads)] + cmd, env)
                print(f"| {n:,} ({size:.0f} MiB) | {label} | {mib:.0f} MiB | {seconds:.1f} s | {n / seconds:,.0f} |",
                      flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
