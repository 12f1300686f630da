// Hugging Face tokenizers (Rust, through npm's @anush008/tokenizers@0.6.0) on one thread, for
// comparison with `distilbench-cli bench-tokenizer`:
//   npm install @anush008/tokenizers@0.6.0
//   RAYON_NUM_THREADS=1 node hf_tokenizers_bench.js tokenizer.json train.tsv
const { Tokenizer } = require('@anush008/tokenizers');
const fs = require('fs');
const lines = fs.readFileSync(process.argv[3], 'utf8').split('\n').slice(1).filter(l => l.length);
const sentences = lines.map(l => l.split('\t')[0]);
const tok = Tokenizer.fromFile(process.argv[2]);
(async () => {
  let best = 1e9, tokens = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    const encs = await tok.encodeBatch(sentences);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    tokens = encs.reduce((a, e) => a + e.getIds().length, 0);
    best = Math.min(best, s);
  }
  console.log(JSON.stringify({impl: 'HF tokenizers 0.22 (Rust, encodeBatch, RAYON_NUM_THREADS=' + process.env.RAYON_NUM_THREADS + ')',
    sentences: sentences.length, tokens, seconds: best, sentences_per_second: sentences.length / best, tokens_per_second: tokens / best}));
})();
