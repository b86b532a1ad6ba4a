// @vitest-environment jsdom
import { Editor, type AnyExtension, type JSONContent } from '@tiptap/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { composerExtensions } from './extensions.js';

const hooks = { current: { onSend: () => undefined, onLink: () => undefined } };
const editors: Editor[] = [];

function editorWith(extensions: AnyExtension[]): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions, injectCSS: false });
  editors.push(editor);
  return editor;
}

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

const text = fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,3}$/);
const marked: fc.Arbitrary<JSONContent> = fc.record({
  type: fc.constant('text'),
  text,
  marks: fc.subarray([{ type: 'bold' }, { type: 'italic' }, { type: 'strike' }, { type: 'underline' }, { type: 'code' }, { type: 'link', attrs: { href: 'https://example.com/a' } }]),
});
const inline = fc.array(marked, { minLength: 0, maxLength: 3 });
const align = fc.constantFrom(undefined, 'left', 'center', 'right', 'justify');
const paragraph = fc.tuple(align, inline).map(([textAlign, content]): JSONContent => ({ type: 'paragraph', ...(textAlign ? { attrs: { textAlign } } : {}), ...(content.length ? { content } : {}) }));
const block: fc.Arbitrary<JSONContent> = fc.oneof(
  paragraph,
  fc.tuple(fc.constantFrom(1, 2, 3), align, text).map(([level, textAlign, value]) => ({ type: 'heading', attrs: { level, ...(textAlign ? { textAlign } : {}) }, content: [{ type: 'text', text: value }] })),
  fc.tuple(fc.constantFrom('bulletList', 'orderedList'), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), fc.array(paragraph, { minLength: 1, maxLength: 3 })).map(([type, start, items]) => ({
    type,
    ...(type === 'orderedList' && start !== undefined ? { attrs: { start } } : {}),
    content: items.map((item) => ({ type: 'listItem', content: [item] })),
  })),
  fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((content) => ({ type: 'blockquote', content })),
  fc.constantFrom<JSONContent>({ type: 'horizontalRule' }, { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'let a = 1;' }] }),
);
const doc = fc.array(block, { minLength: 1, maxLength: 12 }).map((content): JSONContent => ({ type: 'doc', content }));

describe('the editor draws blocks and marks from cached specs', () => {
  it('exactly as TipTap draws them, for any document and any one opened after it', () => {
    const cached = editorWith(composerExtensions(hooks));
    const reference = editorWith(composerExtensions(hooks).filter((extension) => extension.name !== 'renderCache'));
    expect(cached.extensionManager.extensions.some((extension) => extension.name === 'renderCache')).toBe(true);
    fc.assert(
      fc.property(doc, (content) => {
        cached.commands.setContent(content);
        reference.commands.setContent(content);
        expect(cached.view.dom.innerHTML).toBe(reference.view.dom.innerHTML);
        expect(cached.getHTML()).toBe(reference.getHTML());
      }),
      { numRuns: 200 },
    );
  });

  it('keeps each block its own alignment, level and list start', () => {
    const editor = editorWith(composerExtensions(hooks));
    editor.commands.setContent({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'plain' }] },
        { type: 'paragraph', attrs: { textAlign: 'center' }, content: [{ type: 'text', text: 'centred' }] },
        { type: 'paragraph', attrs: { textAlign: 'right' }, content: [{ type: 'text', text: 'right' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'two' }] },
        { type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'four' }] }] }] },
      ],
    });
    const dom = editor.view.dom;
    expect(Array.from(dom.querySelectorAll(':scope > p'), (p) => p.className)).toEqual(['', 'align-center', 'align-right']);
    expect(dom.querySelector('h2')?.textContent).toBe('two');
    expect(dom.querySelector('ol')?.getAttribute('start')).toBe('4');
  });
});
