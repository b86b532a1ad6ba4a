/** One piece of a typed or pasted recipient list, before it is parsed. */
export interface AddressListPiece {
  /** The text of one mailbox, trimmed. */
  raw: string;
  /** The group's display name when the piece came from `Team: a@x.io, b@y.io;`. */
  group?: string;
}

/**
 * Splits a recipient list on commas and semicolons (RFC 5322 `address-list`, plus the
 * semicolon people type), except inside quoted strings, `<...>` and `(comments)`.
 * `Name: a, b;` is a group: its members come out as separate pieces.
 * Never throws; unbalanced quotes or brackets keep the rest of the input in one piece,
 * so the parser can say what is wrong instead of silently cutting the text.
 */
export function splitAddressList(input: string): AddressListPiece[] {
  const pieces: AddressListPiece[] = [];
  let current = '';
  let quoted = false;
  let comment = 0;
  let angle = 0;
  let group: string | undefined;
  const push = (): void => {
    const raw = current.trim();
    if (raw) pieces.push(group === undefined ? { raw } : { raw, group });
    current = '';
  };

  for (let i = 0; i < input.length; i += 1) {
    const ch = input.charAt(i);
    if ((quoted || comment > 0) && ch === '\\' && i + 1 < input.length) {
      current += ch + input.charAt(i + 1);
      i += 1;
      continue;
    }
    if (quoted) {
      if (ch === '"') quoted = false;
      current += ch;
      continue;
    }
    if (comment > 0) {
      if (ch === '(') comment += 1;
      else if (ch === ')') comment -= 1;
      current += ch;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') comment += 1;
    else if (ch === '<') angle += 1;
    else if (ch === '>' && angle > 0) angle -= 1;
    else if (angle === 0) {
      if (ch === ',' || (ch === ';' && group === undefined)) {
        push();
        continue;
      }
      if (ch === ';') {
        push();
        group = undefined;
        continue;
      }
      // A colon before any @ or < and followed by a space (or nothing) opens a group; inside one,
      // or glued to what follows (`javascript:alert(1)@x.io`, `mailto:ann@x.io`), it is just a character.
      const next = input.charAt(i + 1);
      if (ch === ':' && group === undefined && !current.includes('@') && (next === '' || /\s|;/.test(next))) {
        group = unquote(current.trim());
        current = '';
        continue;
      }
    }
    current += ch;
  }
  push();
  return pieces;
}

function unquote(name: string): string {
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) return name.slice(1, -1).replace(/\\(.)/g, '$1');
  return name;
}
