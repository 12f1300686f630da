"""PyTorch reference for `distilbench-cli train` speed: fine-tunes a DistilBERT-base-shaped
classifier on SST-2 with the Hugging Face Trainer's defaults (shuffled batches, dynamic padding,
fp32, AdamW lr 5e-5, linear schedule, gradient clipping 1.0, dropout on), in plain PyTorch with
the same LibTorch (Debian's python3-torch). Tokenization is BERT's basic + WordPiece in Python
so batch shapes match. Prints examples/s over the timed steps; run under /usr/bin/time -v for
peak memory.
    python3 pytorch_finetune_loop.py --train train.tsv --vocab vocab.txt --steps 60 --threads 2
"""
import argparse, json, math, random, time, unicodedata
import torch
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--train", required=True)
p.add_argument("--vocab", required=True)
p.add_argument("--batch", type=int, default=16)
p.add_argument("--steps", type=int, default=60)
p.add_argument("--warmup", type=int, default=5)
p.add_argument("--threads", type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)
vocab = {t.rstrip("\n"): i for i, t in enumerate(open(a.vocab, encoding="utf-8"))}

def basic(text):
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    out, word = [], ""
    for c in text:
        if c.isspace():
            if word: out.append(word); word = ""
        elif unicodedata.category(c).startswith("P") or (c.isascii() and not c.isalnum()):
            if word: out.append(word); word = ""
            out.append(c)
        else:
            word += c
    if word: out.append(word)
    return out

def wordpiece(word):
    if len(word) > 100: return [vocab["[UNK]"]]
    ids, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab: ids.append(vocab[piece]); break
            end -= 1
        if end == start: return [vocab["[UNK]"]]
        start = end
    return ids

rows = [l.rstrip("\n").split("\t") for l in open(a.train, encoding="utf-8")][1:]
data = []
for text, label in rows:
    ids = [vocab["[CLS]"]] + [i for w in basic(text) for i in wordpiece(w)][:126] + [vocab["[SEP]"]]
    data.append((ids, int(label)))

D, H, FF, V, P_, L = 768, 12, 3072, len(vocab), 512, 6
def param(*s, std=0.02): return torch.nn.Parameter(torch.randn(*s) * std)
def zeros(*s): return torch.nn.Parameter(torch.zeros(*s))
def ones(*s): return torch.nn.Parameter(torch.ones(*s))
P = {"emb": param(V, D), "pos": param(P_, D), "eln.w": ones(D), "eln.b": zeros(D), "pre.w": param(D, D), "pre.b": zeros(D),
     "cls.w": param(2, D), "cls.b": zeros(2)}
for l in range(L):
    for n in ("q", "k", "v", "o"): P[f"{l}.{n}.w"], P[f"{l}.{n}.b"] = param(D, D), zeros(D)
    P[f"{l}.ln1.w"], P[f"{l}.ln1.b"], P[f"{l}.ln2.w"], P[f"{l}.ln2.b"] = ones(D), zeros(D), ones(D), zeros(D)
    P[f"{l}.f1.w"], P[f"{l}.f1.b"], P[f"{l}.f2.w"], P[f"{l}.f2.b"] = param(FF, D), zeros(FF), param(D, FF), zeros(D)

def forward(ids, mask):
    B, T = ids.shape
    x = F.dropout(F.layer_norm(F.embedding(ids, P["emb"]) + P["pos"][:T], (D,), P["eln.w"], P["eln.b"], 1e-12), 0.1, True)
    m = (mask == 0).view(B, 1, 1, T)
    for l in range(L):
        sh = lambda t: t.view(B, T, H, D // H).transpose(1, 2)
        q = sh(F.linear(x, P[f"{l}.q.w"], P[f"{l}.q.b"])) / math.sqrt(D // H)
        k, v = sh(F.linear(x, P[f"{l}.k.w"], P[f"{l}.k.b"])), sh(F.linear(x, P[f"{l}.v.w"], P[f"{l}.v.b"]))
        s = torch.matmul(q, k.transpose(2, 3)).masked_fill(m, torch.finfo(torch.float32).min)
        c = torch.matmul(F.dropout(F.softmax(s, -1), 0.1, True), v).transpose(1, 2).reshape(B, T, D)
        x = F.layer_norm(F.linear(c, P[f"{l}.o.w"], P[f"{l}.o.b"]) + x, (D,), P[f"{l}.ln1.w"], P[f"{l}.ln1.b"], 1e-12)
        f = F.dropout(F.linear(F.gelu(F.linear(x, P[f"{l}.f1.w"], P[f"{l}.f1.b"])), P[f"{l}.f2.w"], P[f"{l}.f2.b"]), 0.1, True)
        x = F.layer_norm(f + x, (D,), P[f"{l}.ln2.w"], P[f"{l}.ln2.b"], 1e-12)
    h = F.dropout(F.relu(F.linear(x[:, 0], P["pre.w"], P["pre.b"])), 0.2, True)
    return F.linear(h, P["cls.w"], P["cls.b"])

opt = torch.optim.AdamW(P.values(), lr=5e-5, weight_decay=0.0)
total = a.steps + a.warmup
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / total))
random.seed(0)
order = list(range(len(data)))
random.shuffle(order)
seen, t0 = 0, None
for step in range(total):
    batch = [data[i] for i in order[step * a.batch:(step + 1) * a.batch]]
    T = max(len(ids) for ids, _ in batch)
    ids = torch.tensor([ids + [0] * (T - len(ids)) for ids, _ in batch])
    mask = (ids != 0).long()
    labels = torch.tensor([y for _, y in batch])
    if step == a.warmup: t0 = time.perf_counter()
    loss = F.cross_entropy(forward(ids, mask), labels)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(P.values(), 1.0)
    opt.step(); sched.step(); opt.zero_grad()
    if step >= a.warmup: seen += len(batch)
print(json.dumps({"impl": f"PyTorch {torch.__version__} loop, HF Trainer defaults", "threads": a.threads,
                  "batch": a.batch, "timed_steps": a.steps, "examples_per_second": seen / (time.perf_counter() - t0)}))
