// @vitest-environment jsdom
import { Editor, type JSONContent } from '@tiptap/react';
import { afterEach, describe, expect, it } from 'vitest';
import { composerExtensions } from './extensions.js';

const hooks = { current: { onSend: () => undefined, onLink: () => undefined } };
let editor: Editor | null = null;

function open(content: JSONContent): Editor {
  editor = new Editor({ element: document.createElement('div'), extensions: composerExtensions(hooks), injectCSS: false, content });
  return editor;
}

/** What the stylesheet shows: the first block, when it is a paragraph marked empty, shows its data-placeholder. */
function shownPlaceholder(editor: Editor): string | null {
  const first = editor.view.dom.firstElementChild;
  return first?.matches('p.is-empty') ? first.getAttribute('data-placeholder') : null;
}

const signature: JSONContent = { type: 'signature', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ann' }] }] };
const empty: JSONContent = { type: 'paragraph' };
const line = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

afterEach(() => {
  editor?.destroy();
  editor = null;
});

describe('the body placeholder', () => {
  it('shows in an empty first line, also above a signature, and goes when something is typed there', () => {
    const body = open({ type: 'doc', content: [empty, signature] });
    expect(shownPlaceholder(body)).toBe('Write your message…');
    body.commands.insertContentAt(1, 'Hello');
    expect(shownPlaceholder(body)).toBeNull();
    body.commands.setContent({ type: 'doc', content: [empty, signature] });
    expect(shownPlaceholder(body)).toBe('Write your message…');
  });

  it('stays while the caret is elsewhere and other lines change', () => {
    const body = open({ type: 'doc', content: [empty, line('second'), signature] });
    body.commands.setTextSelection(9); // the end of "second"
    body.commands.insertContent(' more');
    expect(body.state.doc.child(1).textContent).toBe('second more');
    expect(shownPlaceholder(body)).toBe('Write your message…');
  });

  it('marks no other empty line, and none when the message starts with text or a heading', () => {
    const body = open({ type: 'doc', content: [line('Hi'), empty, empty, signature] });
    expect(body.view.dom.querySelectorAll('[data-placeholder]')).toHaveLength(0);
    body.commands.setContent({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }, empty] });
    expect(body.view.dom.querySelectorAll('[data-placeholder]')).toHaveLength(0);
  });
});
