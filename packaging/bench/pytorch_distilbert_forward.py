"""PyTorch eager reference for `distilbench-cli bench --preset distilbert-base-uncased`.

DistilBERT-base written with torch.nn.functional exactly as transformers' modeling_distilbert
computes it (no transformers needed), timed the same way: batch x seq random ids, 3 warm-up runs,
median of 20. Run with Debian's python3-torch, which uses the same LibTorch build.
"""
import argparse, json, math, statistics, time
import torch
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--batch", type=int, default=8)
p.add_argument("--seq", type=int, default=128)
p.add_argument("--threads", type=int, default=torch.get_num_threads())
p.add_argument("--dtype", default="f32", choices=["f32", "bf16"])
p.add_argument("--iterations", type=int, default=20)
a = p.parse_args()
torch.set_num_threads(a.threads)
dt = torch.float32 if a.dtype == "f32" else torch.bfloat16
D, H, FF, V, P, LAYERS = 768, 12, 3072, 30522, 512, 6
g = torch.Generator().manual_seed(0)
def w(*s): return (torch.randn(*s, generator=g) * 0.02).to(dt)
emb, pos = w(V, D), w(P, D)
ln = lambda: (torch.ones(D, dtype=dt), torch.zeros(D, dtype=dt))
layers = [dict(q=(w(D, D), w(D)), k=(w(D, D), w(D)), v=(w(D, D), w(D)), o=(w(D, D), w(D)), ln1=ln(),
               l1=(w(FF, D), w(FF)), l2=(w(D, FF), w(D)), ln2=ln()) for _ in range(LAYERS)]
pre, cls, eln = (w(D, D), w(D)), (w(2, D), w(2)), ln()

def forward(ids, mask):
    B, L = ids.shape
    x = F.embedding(ids, emb) + F.embedding(torch.arange(L), pos)
    x = F.layer_norm(x, (D,), *eln, 1e-12)
    m = (mask == 0).view(B, 1, 1, L)
    for l in layers:
        sh = lambda t: t.view(B, L, H, D // H).transpose(1, 2)
        q, k, v = sh(F.linear(x, *l["q"])), sh(F.linear(x, *l["k"])), sh(F.linear(x, *l["v"]))
        s = torch.matmul(q / math.sqrt(D // H), k.transpose(2, 3)).masked_fill(m, torch.finfo(s.dtype if False else dt).min)
        c = torch.matmul(F.softmax(s, -1), v).transpose(1, 2).reshape(B, L, D)
        x = F.layer_norm(F.linear(c, *l["o"]) + x, (D,), *l["ln1"], 1e-12)
        f = F.linear(F.gelu(F.linear(x, *l["l1"])), *l["l2"])
        x = F.layer_norm(f + x, (D,), *l["ln2"], 1e-12)
    return F.linear(F.relu(F.linear(x[:, 0], *pre)), *cls)

ids = torch.randint(1000, V, (a.batch, a.seq), generator=g)
mask = torch.ones_like(ids)
times = []
with torch.no_grad():
    for i in range(3 + a.iterations):
        t0 = time.perf_counter()
        forward(ids, mask)
        if i >= 3: times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"impl": f"PyTorch {torch.__version__} eager", "batch": a.batch, "seq": a.seq, "dtype": a.dtype,
                  "threads": torch.get_num_threads(), "ms_per_batch": statistics.median(times), "ms_min": min(times)}))
