// Runs an ONNX model with ONNX Runtime (npm onnxruntime-node) for the export tests:
//   node run_onnx.js MODEL.onnx INPUTS.json  ->  {"logits": {"dims": [...], "data": [...]}, ...} on stdout
// INPUTS.json: {"input_ids": [[...], ...], "attention_mask": [[...], ...]}
const fs = require('fs');
const ort = require('onnxruntime-node');

async function main() {
  const [model, inputsPath] = process.argv.slice(2);
  const inputs = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));
  const feeds = {};
  for (const name of ['input_ids', 'attention_mask']) {
    const rows = inputs[name];
    const flat = BigInt64Array.from(rows.flat().map((v) => BigInt(v)));
    feeds[name] = new ort.Tensor('int64', flat, [rows.length, rows[0].length]);
  }
  const session = await ort.InferenceSession.create(model);
  const results = await session.run(feeds);
  const out = {};
  for (const [name, tensor] of Object.entries(results)) out[name] = {dims: tensor.dims, data: Array.from(tensor.data)};
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e.stack || e) + '\n');
  process.exit(1);
});
