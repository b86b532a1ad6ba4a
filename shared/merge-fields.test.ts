import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docToEmailHtml } from './email-html.js';
import { fillTemplate, findMergeFields, missingFields, missingFieldsSentence, recipientValues } from './merge-fields.js';
import { parseMergeTable, type MergeTable } from './merge-table.js';

function table(text: string): MergeTable {
  const parsed = parseMergeTable(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.table;
}

describe('merge fields', () => {
  it('reads names, fallbacks and positions', () => {
    const source = 'Hi {{first_name}}, {{ Invoice_Number | "your invoice" }} from {{company}}.';
    expect(findMergeFields(source).map(({ name, fallback }) => ({ name, fallback }))).toEqual([
      { name: 'first_name', fallback: undefined },
      { name: 'invoice_number', fallback: 'your invoice' },
      { name: 'company', fallback: undefined },
    ]);
    expect(findMergeFields('{{ not a field }} {{}} {single}')).toEqual([]);
  });

  it('fills a recipient from the address and the pasted table, the table winning', () => {
    const values = recipientValues(
      { name: 'Ann Lee', email: 'Ann@Acme.io' },
      table('Email,First Name,Company\nann@acme.io,Annie,Acme Inc.\nbob@x.io,Bob,X'),
    );
    expect(fillTemplate('{{first_name}} {{last_name}} at {{company}} ({{domain}}, {{email}})', values, 'text')).toBe(
      'Annie Lee at Acme Inc. (acme.io, Ann@Acme.io)',
    );
  });

  it('uses the fallback when the value is missing or blank, and leaves a field with neither as written', () => {
    const values = recipientValues({ email: 'x@y.io' }, table('email\tinvoice_number\nx@y.io\t'));
    expect(fillTemplate('Re {{invoice_number | "your invoice"}} {{company}}', values, 'text')).toBe('Re your invoice {{company}}');
    expect(missingFields(['Re {{invoice_number | "your invoice"}}', '{{company}} {{Company}}'], values)).toEqual(['company']);
    expect(missingFieldsSentence(['company'], 'x@y.io')).toContain('{{company}} has no value for x@y.io');
  });

  it('escapes values in HTML and reads fallbacks the editor serialized', () => {
    const html = docToEmailHtml({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dear {{company}}, re {{invoice | "your <invoice>"}}' }] }],
    });
    const filled = fillTemplate(html, { company: '<b>A&B</b>' }, 'html');
    expect(filled).toContain('Dear &#60;b&#62;A&#38;B&#60;/b&#62;, re your &#60;invoice&#62;');
  });

  it('never leaves a field that has a value or a fallback (property)', () => {
    const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 8 }).filter((s) => !s.includes('{')), name, fc.option(fc.stringMatching(/^[a-z ]{0,6}$/))), { maxLength: 8 }),
        fc.dictionary(name, fc.stringMatching(/^[A-Za-z]{1,6}$/)),
        (parts, values) => {
          const source = parts.map(([lit, field, fb]) => `${lit}{{${field}${fb === null ? '' : ` | "${fb}"`}}}`).join('');
          const filled = fillTemplate(source, values, 'text');
          const left = findMergeFields(filled).map((f) => f.name);
          expect([...new Set(left)]).toEqual(missingFields([source], values).filter((n) => left.includes(n)));
          for (const leftName of left) expect(Object.hasOwn(values, leftName)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('pasted table', () => {
  it('reads TSV, CSV with quotes, and semicolons', () => {
    expect(table('email\tcompany\na@x.io\tA, Inc.').rows.get('a@x.io')).toEqual({ company: 'A, Inc.' });
    expect(table('email,company\na@x.io,"Say ""hi"", ok"').rows.get('a@x.io')).toEqual({ company: 'Say "hi", ok' });
    expect(table('E-mail;Company\r\nA@X.io;Acme').columns).toEqual(['email', 'company']);
  });

  it('says what is wrong with a table it cannot use', () => {
    expect(parseMergeTable('')).toEqual({ ok: false, error: expect.stringContaining('empty') });
    expect(parseMergeTable('name,company\nAnn,Acme')).toEqual({ ok: false, error: expect.stringContaining('no "email" column') });
  });
});
