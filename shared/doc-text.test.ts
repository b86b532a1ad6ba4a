import { describe, expect, it } from 'vitest';
import { docText } from './doc-text.js';

const p = (...content: object[]) => ({ type: 'paragraph', content });
const t = (text: string) => ({ type: 'text', text });

describe('the plain text of an editor document', () => {
  it('is one line per paragraph, heading or code block, with hard breaks kept, lists and quotes read through', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', content: [t('Plan')] },
        p(t('First'), { type: 'hardBreak' }, t('second')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('one'))] }, { type: 'listItem', content: [p(t('two'))] }] },
        { type: 'blockquote', content: [p(t('quoted'))] },
        p(),
        { type: 'codeBlock', content: [t('x = 1')] },
      ],
    };
    expect(docText(doc)).toBe('Plan\nFirst\nsecond\none\ntwo\nquoted\n\nx = 1');
  });

  it('leaves out the node types asked (the signature, quoted text)', () => {
    const doc = { type: 'doc', content: [p(t('Hello')), { type: 'blockquote', content: [p(t('old'))] }, { type: 'signature', content: [p(t('— Ann'))] }] };
    expect(docText(doc, new Set(['signature', 'blockquote']))).toBe('Hello');
  });

  it('reads a document nested far deeper than the call stack, and ignores what is not a node', () => {
    let deep: object = p(t('bottom'));
    for (let i = 0; i < 50_000; i++) deep = { type: 'blockquote', content: [deep] };
    expect(docText({ type: 'doc', content: [deep, null, 7, { text: 42 }] })).toBe('bottom');
  });
});
