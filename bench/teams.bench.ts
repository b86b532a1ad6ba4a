import { compileTemplate, fillCompiled, missingInCompiled, recipientValues } from '../shared/merge-fields.js';
import { parseMergeTable } from '../shared/merge-table.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const WARMUP = 3;
const RUNS = 20;
const RECIPIENTS = 500;

/** A 20 KB HTML template with a merge field every few sentences, some with fallbacks. */
function template(): { html: string; text: string } {
  const paragraph = (i: number) =>
    `<p style="margin:0 0 12px">Dear {{first_name}}, about {{invoice_number | "your invoice"}} for {{company}} (paragraph ${i}): ` +
    'the balance shown is due within thirty days; reply to this email with any question about it. </p>';
  let html = '';
  for (let i = 0; html.length < 20 * 1024; i++) html += paragraph(i);
  return { html, text: html.replace(/<[^>]+>/g, '') };
}

function pastedTable(): string {
  const lines = ['email\tfirst_name\tcompany\tinvoice_number'];
  for (let i = 0; i < RECIPIENTS; i++) lines.push(`r${i}@example.com\tName${i}\tCompany ${i} & Co\t${i % 7 === 0 ? '' : `INV-${1000 + i}`}`);
  return lines.join('\n');
}

/**
 * `teams.merge_500_ms`: a 20 KB template filled for 500 recipients (pasted table parsed, each
 * recipient's values built, missing fields checked, HTML and text filled) — what Send
 * individually does before it puts the messages in the outbox.
 */
const suite: BenchSuite = {
  name: 'teams',
  async run() {
    const { html, text } = template();
    const pasted = pastedTable();
    const samples: number[] = [];
    let bytes = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const started = performance.now();
      const parsed = parseMergeTable(pasted);
      if (!parsed.ok) throw new Error(parsed.error);
      const htmlTemplate = compileTemplate(html, 'html');
      const textTemplate = compileTemplate(text, 'text');
      bytes = 0;
      for (let i = 0; i < RECIPIENTS; i++) {
        const values = recipientValues({ email: `r${i}@example.com` }, parsed.table);
        if (missingInCompiled([htmlTemplate, textTemplate], values).length > 0) throw new Error('a field is missing');
        bytes += fillCompiled(htmlTemplate, values).length + fillCompiled(textTemplate, values).length;
      }
      const elapsed = performance.now() - started;
      if (run >= WARMUP) samples.push(elapsed);
    }
    if (bytes < RECIPIENTS * 20 * 1024) throw new Error('filled less than the template');
    return { 'teams.merge_500_ms': summarize(samples, 'ms') };
  },
};

export default suite;
