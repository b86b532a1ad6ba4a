/** Blocks of the TipTap/ProseMirror document that end a line of text. */
const ENDS_LINE = new Set(['paragraph', 'heading', 'codeBlock']);
const END_OF_BLOCK = Symbol('end of block');
const SKIP_NOTHING: ReadonlySet<string> = new Set();

/**
 * The plain text of an editor document: one line per paragraph, heading or code block, a line
 * break for each hard break, and nothing of the node types in `skip` (the signature, quoted
 * text). What the versions panel shows, what the drafts list's snippet and the large-deletion
 * check measure, what the attachment reminder reads. Walks with an explicit stack, because a
 * pasted document can nest deeper than the call stack allows.
 */
export function docText(doc: unknown, skip: ReadonlySet<string> = SKIP_NOTHING): string {
  const lines: string[] = [];
  let line = '';
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === END_OF_BLOCK) {
      lines.push(line);
      line = '';
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof type === 'string' && skip.has(type)) continue;
    if (type === 'text' && typeof text === 'string') line += text;
    if (type === 'hardBreak') line += '\n';
    if (typeof type === 'string' && ENDS_LINE.has(type)) stack.push(END_OF_BLOCK);
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
