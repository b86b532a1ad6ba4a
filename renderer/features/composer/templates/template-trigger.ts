import type { Editor } from '@tiptap/react';

/** `/` or `;` typed at the start of a word, and what has been typed after it. */
export interface Trigger {
  /** Document positions of the `/` and of the caret: the range a pick replaces. */
  from: number;
  to: number;
  query: string;
}

// At most a few words' worth after the sign: a longer run is a path or prose, not a name being looked up.
const TRIGGER = /(?:^|\s)([/;])([^\s/;]{0,40})$/u;

/** The trigger the text before the caret ends with, as an offset back from the caret; null when none. */
export function triggerIn(textBefore: string): { length: number; query: string } | null {
  const match = TRIGGER.exec(textBefore);
  if (!match) return null;
  const query = match[2] ?? '';
  return { length: 1 + query.length, query };
}

/** The trigger at the caret in the editor now (an empty selection inside a paragraph or heading). */
export function triggerAt(editor: Editor): Trigger | null {
  const { selection } = editor.state;
  if (!selection.empty) return null;
  const { $from } = selection;
  if (!$from.parent.isTextblock || $from.parent.type.name === 'codeBlock') return null;
  // A non-text leaf (a hard break) counts as a space: a word starts after it.
  const found = triggerIn($from.parent.textBetween(0, $from.parentOffset, undefined, ' '));
  return found ? { from: $from.pos - found.length, to: $from.pos, query: found.query } : null;
}

/** Matches by name, whatever the case: names starting with the query first, then names containing it. */
export function matching<T extends { name: string }>(items: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...items];
  const starts = items.filter((i) => i.name.toLowerCase().startsWith(q));
  const contains = items.filter((i) => !i.name.toLowerCase().startsWith(q) && i.name.toLowerCase().includes(q));
  return [...starts, ...contains];
}
