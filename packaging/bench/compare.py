#!/usr/bin/python3
"""Runs DistilBench and its references interleaved on this machine and prints a table of ratios
(issue #18's "one driver"). Every figure is a median over --rounds rounds; in each round every
implementation runs once per case, one after another, so drifts of the machine (clock, other
load) reach all of them alike. The CPU model and its vector flags head the table.

    packaging/bench/compare.py [--build build] [--rounds 3] [--threads 2] [--only forward,int8,train,ddp]

References: ONNX Runtime (npm onnxruntime-node, installed into tests/onnx by setup-deps) running
our own ONNX export of the same random model; PyTorch eager from Debian's python3-torch (the
same LibTorch 1.13) with packaging/bench/pytorch_distilbert_forward.py and
pytorch_finetune_loop.py. A reference that is not installed is reported as missing, not skipped
in silence. Needs Python's standard library only; run it with the system python3 so that the
PyTorch reference finds Debian's torch.
"""
import argparse, json, os, platform, re, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def cpu_description():
    model, flags = platform.processor() or "unknown CPU", []
    try:
        text = open("/proc/cpuinfo").read()
        m = re.search(r"^model name\s*:\s*(.*)$", text, re.M)
        if m: model = m.group(1).strip()
        m = re.search(r"^flags\s*:\s*(.*)$", text, re.M)
        if m:
            wanted = ("avx", "avx2", "fma", "avx512f", "avx512_bf16", "avx512_vnni", "avx_vnni", "amx_bf16")
            flags = [f for f in m.group(1).split() if f in wanted]
    except OSError:
        pass
    return model, flags, os.cpu_count()


# The run-time ISA switches of the libraries that do our (and PyTorch's) arithmetic: oneDNN's
# dispatcher, ATen's kernels and OpenBLAS's DYNAMIC_ARCH core. Our AdamW picks its clone from
# the CPU and is not limited by them (it only runs in training).
AVX2_ONLY = {"ONEDNN_MAX_CPU_ISA": "AVX2", "DNNL_MAX_CPU_ISA": "AVX2", "ATEN_CPU_CAPABILITY": "avx2",
             "OPENBLAS_CORETYPE": "Haswell"}

LAST_WALL = [0.0]  # wall seconds of the last run()


def run(cmd, env=None, timeout=1800):
    """Runs cmd and returns (stdout, peak resident MiB) — the peak from /usr/bin/time."""
    full = ["/usr/bin/time", "-f", "MAXRSS %M"] + cmd if os.path.exists("/usr/bin/time") else cmd
    t0 = time.perf_counter()
    p = subprocess.run(full, capture_output=True, text=True, env=env, timeout=timeout)
    LAST_WALL[0] = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()[-500:]}")
    m = re.search(r"MAXRSS (\d+)", p.stderr)
    return p.stdout, (int(m.group(1)) / 1024 if m else float("nan"))


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError("no JSON in output: " + text[-300:])


class Bench:
    def __init__(self, a):
        self.a = a
        self.cli = os.path.join(a.build, "app", "distilbench-cli")
        self.work = tempfile.mkdtemp(prefix="distilbench-compare-")
        self.env = dict(os.environ, DISTILBENCH_KEYCHAIN="0")
        if a.isa == "avx2":
            self.env.update(AVX2_ONLY)
        self.node_path = os.path.join(ROOT, "tests", "onnx", "node_modules")
        self.has_ort = os.path.exists(os.path.join(self.node_path, "onnxruntime-node", "package.json")) and shutil.which("node")
        self.has_torch = subprocess.run(["/usr/bin/python3", "-c", "import torch"], capture_output=True).returncode == 0
        self.results = {}  # (case, impl) -> list of values
        self.memory = {}

    def add(self, case, impl, value, mib=None):
        self.results.setdefault((case, impl), []).append(value)
        if mib is not None: self.memory.setdefault((case, impl), []).append(mib)

    # A model of each shape: one optimizer step from a preset (random weights, a classifier
    # head, our tokenizer files), then its ONNX export for ONNX Runtime.
    def prepare(self, preset, data):
        run_dir = os.path.join(self.work, "run-" + preset)
        run([self.cli, "--threads", str(self.a.threads), "train", "--preset", preset, "--train", data,
             "--max-steps", "1", "--batch-size", "4", "--out", run_dir], env=self.env)
        model = os.path.join(run_dir, "best")
        onnx = os.path.join(self.work, preset + ".onnx")
        run([self.cli, "export", model, "--format", "onnx", "--out", onnx], env=self.env)
        # The same model as an int8 graph (DynamicQuantizeLinear + MatMulInteger, our int8
        # weights): ONNX Runtime's int8 beside ours.
        run([self.cli, "export", model, "--format", "onnx", "--quantize", "int8", "--out",
             onnx.replace(".onnx", "-int8.onnx")], env=self.env)
        # Static int8, calibrated on 64 of the training texts: a folder that loads static.
        run([self.cli, "export", model, "--quantize", "int8", "--calibration-data", data,
             "--calibration-examples", "64", "--out", run_dir + "-static"], env=self.env)
        return model, onnx

    def ours_forward(self, model, batch, seq, dtype="f32"):
        out, _ = run([self.cli, "bench", model, "--batch", str(batch), "--seq", str(seq), "--threads",
                      str(self.a.threads), "--dtype", dtype, "--json"], env=self.env)
        return last_json(out)["ms_per_batch"]

    def ort_forward(self, onnx, batch, seq):
        env = dict(self.env, NODE_PATH=self.node_path)
        out, _ = run(["node", os.path.join(HERE, "ort_forward_bench.js"), onnx, "--batch", str(batch), "--seq",
                      str(seq), "--threads", str(self.a.threads)], env=env)
        return last_json(out)["ms_per_batch"]

    def torch_forward(self, batch, seq):
        out, _ = run(["/usr/bin/python3", os.path.join(HERE, "pytorch_distilbert_forward.py"), "--batch", str(batch),
                      "--seq", str(seq), "--threads", str(self.a.threads)], env=self.env)
        return last_json(out)["ms_per_batch"]

    def ours_train(self, data, validation, grouped, threads=None, processes=1):
        run_dir = tempfile.mkdtemp(prefix="train-", dir=self.work)
        shutil.rmtree(run_dir)
        warmup, steps = 5, self.a.train_steps
        cmd = [self.cli, "--threads", str(threads or self.a.threads), "train", "--preset", "distilbert-base-uncased",
               "--train", data, "--validation", validation, "--batch-size", "16", "--max-length", "128",
               "--lr", "5e-5", "--max-steps", str(warmup + steps), "--logging-steps", str(warmup),
               "--warmup-ratio", "0", "--no-data-map", "--out", run_dir]
        if not grouped: cmd.insert(cmd.index("--out"), "--no-group-by-length")
        if processes == 1:
            _, mib = run(cmd, env=self.env)
        else:
            # Data parallel on this machine: one process per rank, torchrun's variables, Gloo
            # over loopback; --batch-size is per process.
            port = 29500 + os.getpid() % 1000
            procs = [subprocess.Popen(cmd, env=dict(self.env, RANK=str(r), LOCAL_RANK=str(r), WORLD_SIZE=str(processes),
                                                    MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port)),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                     for r in range(processes)]
            for proc in procs:
                _, err = proc.communicate(timeout=3600)
                if proc.returncode != 0: raise RuntimeError("data-parallel rank failed: " + err[-500:])
            mib = None
        windows = [json.loads(l) for l in open(os.path.join(run_dir, "metrics.jsonl")) if '"loss"' in l]
        # The first window holds the warm-up steps (first-touch allocation, thread start-up), as
        # the PyTorch loop leaves out its first steps. window_examples counts every process.
        timed = windows[1:]
        examples = sum(w.get("window_examples", 16 * warmup) for w in timed)
        seconds = sum(w.get("window_examples", 16 * warmup) / w["examples_per_second"] for w in timed)
        shutil.rmtree(run_dir, ignore_errors=True)
        return examples / seconds, mib

    def torch_train(self, data, vocab):
        out, mib = run(["/usr/bin/python3", os.path.join(HERE, "pytorch_finetune_loop.py"), "--train", data, "--vocab",
                        vocab, "--steps", str(self.a.train_steps), "--warmup", "5", "--threads", str(self.a.threads)],
                       env=self.env)
        return last_json(out)["examples_per_second"], mib


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--train-steps", type=int, default=20, help="timed optimizer steps (multiple of 5)")
    p.add_argument("--sst2", default=os.path.join(ROOT, "..", "shared", "data", "sst2"))
    p.add_argument("--only", default="forward,int8,train,ddp")
    p.add_argument("--json", help="also write the medians to this file")
    p.add_argument("--isa", choices=("native", "avx2"), default="native",
                   help="avx2: ours and PyTorch limited to AVX2 + FMA (oneDNN, ATen and OpenBLAS kernels) on an "
                        "AVX-512 machine, to measure the AVX2 path; ONNX Runtime has no such switch and keeps "
                        "its AVX-512 kernels, so its ratios are conservative for us")
    a = p.parse_args()
    only = set(a.only.split(","))
    b = Bench(a)
    model_name, flags, cores = cpu_description()
    print(f"CPU: {model_name}, {cores} cores; flags: {' '.join(flags) or 'none of the AVX family'}", flush=True)
    if a.isa == "avx2":
        print("ISA: ours and PyTorch limited to AVX2 (" + " ".join(f"{k}={v}" for k, v in AVX2_ONLY.items()) +
              "); ONNX Runtime unrestricted", flush=True)
    if "int8" in only:
        # Our int8 weights have 7 bits where the int8 products have no VNNI (8-bit ones would
        # overflow them); the int8 ONNX files made here hold the same weights.
        bits = json.loads(run([b.cli, "env", "--json"], env=b.env)[0]).get("int8_weight_bits")
        print(f"int8 weights: {bits} bits", flush=True)
    print(f"ONNX Runtime: {'yes' if b.has_ort else 'MISSING (packaging/setup-deps.sh installs it)'}; "
          f"PyTorch: {'yes' if b.has_torch else 'MISSING (apt-get install python3-torch)'}", flush=True)

    rows = [l for l in open(os.path.join(a.sst2, "train.tsv"), encoding="utf-8")]
    train = os.path.join(b.work, "train.tsv")
    # Enough rows for every step of the data-parallel run (two batches a step).
    open(train, "w").writelines(rows[: 1 + 32 * (5 + a.train_steps)])
    validation = os.path.join(b.work, "validation.tsv")
    open(validation, "w").writelines(rows[:1] + rows[-32:])
    models = {}
    for preset in ("distilbert-base-uncased", "bert-base-uncased"):
        if only & {"forward", "int8"}:
            models[preset] = b.prepare(preset, train)
    vocab = os.path.join(models["distilbert-base-uncased"][0], "vocab.txt") if models else None

    shapes = [(8, 128), (1, 128)]
    for r in range(a.rounds):
        print(f"round {r + 1} of {a.rounds}", flush=True)
        for preset, (model, onnx) in models.items():
            for batch, seq in shapes:
                case = f"forward {preset} {batch}x{seq}"
                # Our fp32 time: against the references and the baseline of int8.
                b.add(case, "ours", b.ours_forward(model, batch, seq))
                if "forward" in only:
                    if b.has_ort: b.add(case, "onnxruntime", b.ort_forward(onnx, batch, seq))
                    if b.has_torch and preset.startswith("distilbert"): b.add(case, "pytorch", b.torch_forward(batch, seq))
                if "int8" in only:
                    b.add(case, "ours int8", b.ours_forward(model, batch, seq, "int8"))
                    b.add(case, "ours int8 static", b.ours_forward(os.path.join(b.work, "run-" + preset + "-static"), batch, seq))
                    if b.has_ort:
                        b.add(case, "onnxruntime int8", b.ort_forward(onnx.replace(".onnx", "-int8.onnx"), batch, seq))
        if "train" in only:
            case = "train distilbert-base batch 16"
            if vocab is None:
                vocab_dir = b.prepare("distilbert-base-uncased", train)[0]
                vocab = os.path.join(vocab_dir, "vocab.txt")
            eps, mib = b.ours_train(train, validation, grouped=False)
            b.add(case, "ours shuffled", eps, mib)
            eps, mib = b.ours_train(train, validation, grouped=True)
            b.add(case, "ours default (length-grouped)", eps, mib)
            # End to end: the whole process (start, data, steps; ours also validates and saves
            # the model), examples per wall second.
            b.add("train end to end", "ours default (length-grouped)", 16 * (5 + a.train_steps) / LAST_WALL[0])
            if b.has_torch:
                eps, mib = b.torch_train(train, vocab)
                b.add(case, "pytorch shuffled", eps, mib)
                b.add("train end to end", "pytorch shuffled", 16 * (5 + a.train_steps) / LAST_WALL[0])
        if "ddp" in only:
            case = "data parallel distilbert-base batch 16 per process"
            b.add(case, "1 process x 1 thread", b.ours_train(train, validation, False, threads=1)[0])
            b.add(case, "2 processes x 1 thread", b.ours_train(train, validation, False, threads=1, processes=2)[0])

    med = {k: statistics.median(v) for k, v in b.results.items()}
    mem = {k: statistics.median(v) for k, v in b.memory.items()}
    print()
    print("| case | implementation | median | ratio |")
    print("|---|---|---|---|")
    for (case, impl), value in med.items():
        if case.startswith("forward"):
            ratio = ""
            if impl in ("ours", "pytorch") and (case, "onnxruntime") in med:
                ratio = f"{value / med[(case, 'onnxruntime')]:.2f}× ORT's time"
            elif impl == "ours int8 static":
                ratio = f"{med[(case, 'ours')] / value:.2f}× faster than ours fp32"
                if (case, "onnxruntime int8") in med:
                    ratio += f"; {value / med[(case, 'onnxruntime int8')]:.2f}× ORT int8's time"
            elif impl == "ours int8":
                ratio = f"{med[(case, 'ours')] / value:.2f}× faster than ours fp32"
                if (case, "onnxruntime int8") in med:
                    ratio += f"; {value / med[(case, 'onnxruntime int8')]:.2f}× ORT int8's time"
            print(f"| {case} | {impl} | {value:.1f} ms | {ratio} |")
        elif case == "train end to end":
            base = med.get((case, "pytorch shuffled"))
            ratio = f"{value / base:.2f}× PyTorch's" if base and impl != "pytorch shuffled" else ""
            print(f"| {case} | {impl} | {value:.2f} examples per wall second | {ratio} |")
        elif case.startswith("data parallel"):
            base = med.get((case, "1 process x 1 thread"))
            ratio = f"{value / base:.2f}× one process" if base and impl != "1 process x 1 thread" else ""
            print(f"| {case} | {impl} | {value:.2f} examples/s | {ratio} |")
        else:
            base = med.get((case, "pytorch shuffled"))
            ratio = f"{value / base:.2f}× PyTorch's speed" if base and impl != "pytorch shuffled" else ""
            m = mem.get((case, impl))
            memory = f", peak {m:.0f} MiB" + (f" ({m / mem[(case, 'pytorch shuffled')]:.2f}× PyTorch's)" if (case, 'pytorch shuffled') in mem and impl != 'pytorch shuffled' else "") if m else ""
            print(f"| {case} | {impl} | {value:.2f} examples/s{memory} | {ratio} |")
    if a.json:
        json.dump({"cpu": model_name, "flags": flags, "cores": cores, "rounds": a.rounds, "threads": a.threads,
                   "medians": [{"case": c, "impl": i, "value": v, "peak_mib": mem.get((c, i))} for (c, i), v in med.items()]},
                  open(a.json, "w"), indent=2)
    shutil.rmtree(b.work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
