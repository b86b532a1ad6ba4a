import { docToEmailHtml, htmlToPlainText } from '../shared/email-html.js';
import { buildBigDoc } from './fixtures/big-doc.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const WARMUP = 5;
const RUNS = 30;

/**
 * `composer.serialize_ms_200kb`: the editor's 200 KB JSON document -> `html` + `text`, as the
 * composer does once on send or preview. Same JavaScript as the renderer runs, timed in Node.
 */
const suite: BenchSuite = {
  name: 'composer-serialize',
  async run() {
    const doc = buildBigDoc();
    const samples: number[] = [];
    let size = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const started = performance.now();
      const html = docToEmailHtml(doc);
      const text = htmlToPlainText(html);
      const elapsed = performance.now() - started;
      size = html.length + text.length;
      if (run >= WARMUP) samples.push(elapsed);
    }
    if (size === 0) throw new Error('serializer produced nothing');
    return { 'composer.serialize_ms_200kb': summarize(samples, 'ms') };
  },
};

export default suite;
