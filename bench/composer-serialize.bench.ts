import { docToEmailHtml, htmlToPlainText, type EmailDocNode } from '../shared/email-html.js';
import { buildBigDoc, buildDocOfHtml } from './fixtures/big-doc.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const WARMUP = 5;
const RUNS = 30;

/** The editor's JSON document -> `html` + `text`, timed over RUNS after a warm-up. */
function serializeMs(doc: EmailDocNode): number[] {
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
  return samples;
}

/**
 * `composer.serialize_ms_200kb` and `composer.serialize_ms_1mb`: the editor's JSON document
 * (200 KB of JSON, and one whose HTML is 1 MB, a long quoted thread) -> `html` + `text`, as the composer does once on send
 * or preview. Same JavaScript as the renderer runs, timed in Node.
 */
const suite: BenchSuite = {
  name: 'composer-serialize',
  async run() {
    return {
      'composer.serialize_ms_200kb': summarize(serializeMs(buildBigDoc(200_000)), 'ms'),
      'composer.serialize_ms_1mb': summarize(serializeMs(buildDocOfHtml(1_000_000)), 'ms'),
    };
  },
};

export default suite;
