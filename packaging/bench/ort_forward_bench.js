// ONNX Runtime reference for `distilbench-cli bench`: times MODEL.onnx (an export of ours) on
// batch x seq token ids with all-ones attention masks, the same way: 3 warm-up runs, then the
// median of N. Uses the onnxruntime-node that packaging/setup-deps.sh installs for the tests:
//   NODE_PATH=tests/onnx/node_modules node ort_forward_bench.js MODEL.onnx --batch 8 --seq 128 --threads 2
const ort = require('onnxruntime-node');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const model = process.argv[2];
  const batch = option('--batch', 8), seq = option('--seq', 128);
  const threads = option('--threads', 2), iterations = option('--iterations', 20);
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all',
    executionMode: 'sequential'});
  // Ids drawn like the bench command's (any id below the vocabulary's size; the speed does not
  // depend on which), 101 first as a [CLS] would be.
  const ids = new BigInt64Array(batch * seq), mask = new BigInt64Array(batch * seq);
  let state = 12345;
  for (let i = 0; i < ids.length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    ids[i] = BigInt(i % seq === 0 ? 101 : 1000 + (state % 20000));
    mask[i] = 1n;
  }
  const feeds = {input_ids: new ort.Tensor('int64', ids, [batch, seq]),
                 attention_mask: new ort.Tensor('int64', mask, [batch, seq])};
  for (const name of session.inputNames)
    if (!(name in feeds)) feeds[name] = new ort.Tensor('int64', new BigInt64Array(batch * seq), [batch, seq]);
  for (let i = 0; i < 3; i++) await session.run(feeds);
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(JSON.stringify({impl: 'ONNX Runtime ' + require('onnxruntime-node/package.json').version,
    batch, seq, threads, ms_per_batch: median, ms_min: times[0]}));
}

main().catch((e) => { process.stderr.write(String(e.stack || e) + '\n'); process.exit(1); });
