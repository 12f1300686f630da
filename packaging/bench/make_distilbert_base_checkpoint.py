"""Writes a DistilBERT-base-shaped DistilBertForMaskedLM checkpoint (random weights, 268 MB,
the size of distilbert-base-uncased's model.safetensors) for load-time benchmarks:
    python3 make_distilbert_base_checkpoint.py OUT_DIR
    distilbench-cli inspect OUT_DIR --json   # reports load_seconds
Needs only Python's standard library."""
import json, os, random, struct, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
D, FF, V, P, L = 768, 3072, 30522, 512, 6
shapes = [("distilbert.embeddings.word_embeddings.weight", [V, D]), ("distilbert.embeddings.position_embeddings.weight", [P, D]),
          ("distilbert.embeddings.LayerNorm.weight", [D]), ("distilbert.embeddings.LayerNorm.bias", [D])]
for i in range(L):
    pre = f"distilbert.transformer.layer.{i}."
    for n in ("q_lin", "k_lin", "v_lin", "out_lin"):
        shapes += [(pre + f"attention.{n}.weight", [D, D]), (pre + f"attention.{n}.bias", [D])]
    shapes += [(pre + "sa_layer_norm.weight", [D]), (pre + "sa_layer_norm.bias", [D]),
               (pre + "ffn.lin1.weight", [FF, D]), (pre + "ffn.lin1.bias", [FF]),
               (pre + "ffn.lin2.weight", [D, FF]), (pre + "ffn.lin2.bias", [D]),
               (pre + "output_layer_norm.weight", [D]), (pre + "output_layer_norm.bias", [D])]
shapes += [("vocab_transform.weight", [D, D]), ("vocab_transform.bias", [D]), ("vocab_layer_norm.weight", [D]),
           ("vocab_layer_norm.bias", [D]), ("vocab_projector.bias", [V])]
header, offset = {"__metadata__": {"format": "pt"}}, 0
for name, shape in shapes:
    n = 1
    for d in shape: n *= d
    header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [offset, offset + 4 * n]}
    offset += 4 * n
h = json.dumps(header).encode()
h += b" " * ((8 - len(h) % 8) % 8)
rnd = random.Random(0)
block = struct.pack("<1024f", *[rnd.gauss(0, 0.02) for _ in range(1024)])
with open(os.path.join(out, "model.safetensors"), "wb") as f:
    f.write(struct.pack("<Q", len(h)) + h)
    left = offset
    while left > 0:
        chunk = block[: min(left, len(block))]
        f.write(chunk)
        left -= len(chunk)
json.dump({"architectures": ["DistilBertForMaskedLM"], "model_type": "distilbert", "vocab_size": V, "dim": D,
           "n_layers": L, "n_heads": 12, "hidden_dim": FF, "max_position_embeddings": P, "activation": "gelu"},
          open(os.path.join(out, "config.json"), "w"), indent=2)
print(out, offset + 8 + len(h), "bytes")
