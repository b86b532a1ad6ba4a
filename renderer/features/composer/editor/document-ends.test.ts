// @vitest-environment jsdom
import { Editor, type JSONContent } from '@tiptap/react';
import { afterEach, describe, expect, it } from 'vitest';
import { composerExtensions } from './extensions.js';

const hooks = { current: { onSend: () => undefined, onLink: () => undefined } };
const line = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
let editor: Editor | null = null;

function open(content: JSONContent[]): Editor {
  editor = new Editor({ element: document.createElement('div'), extensions: composerExtensions(hooks), injectCSS: false, content: { type: 'doc', content } });
  return editor;
}

function press(body: Editor, key: 'Home' | 'End', shift = false): void {
  body.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, shiftKey: shift, bubbles: true, cancelable: true }));
}

afterEach(() => {
  editor?.destroy();
  editor = null;
});

describe('Ctrl+Home and Ctrl+End', () => {
  const lines = Array.from({ length: 50 }, (_, i) => line(`Line ${i}`));

  it('put the caret after the last character, in the signature when there is one, and before the first', () => {
    const body = open([...lines, { type: 'signature', content: [line('Ann')] }]);
    body.commands.setTextSelection(20);
    press(body, 'End');
    body.commands.insertContent('!');
    expect(body.state.doc.lastChild?.textContent).toBe('Ann!');
    press(body, 'Home');
    body.commands.insertContent('Hi. ');
    expect(body.state.doc.firstChild?.textContent).toBe('Hi. Line 0');
  });

  it('with Shift, select from where the caret was to the end or the start', () => {
    const body = open(lines);
    const lineTen = body.state.doc.child(0).nodeSize * 10 + 1;
    body.commands.setTextSelection(lineTen);
    press(body, 'End', true);
    expect(body.state.doc.textBetween(body.state.selection.from, body.state.selection.to, '\n').split('\n')).toEqual(lines.slice(10).map((node) => node.content![0]!.text));
    press(body, 'Home', true);
    expect(body.state.selection.from).toBe(1);
    expect(body.state.selection.to).toBe(lineTen);
  });
});
