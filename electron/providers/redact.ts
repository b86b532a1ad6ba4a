/** Shorter runs than this are too likely to be ordinary words or ids to count as a piece of a key. */
export const MIN_SECRET_RUN = 8;
const MARKER = '[redacted]';

/** Lower-cases one UTF-16 unit at a time, so positions in the folded text are positions in the original. */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charAt(i);
    const lower = unit.toLowerCase();
    out += lower.length === 1 ? lower : unit;
  }
  return out;
}

/**
 * The ways a vendor might echo a key: as typed, URL- and JSON-escaped, hex, and base64 (plain
 * and URL-safe) from each of the three byte alignments, so that a piece of the key encoded on
 * its own still shares runs with one of them.
 */
function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), bytes.toString('hex')];
  for (let shift = 0; shift < 3 && shift < bytes.length; shift++) {
    const base64 = bytes.subarray(shift).toString('base64');
    forms.push(base64, base64.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

/**
 * Replaces every secret with a marker before a vendor's words reach an error, the outbox's
 * `lastError`, the database or the window: any run of at least eight characters of the key or
 * of its encoded forms, case-insensitively, so a truncated, upper-cased, hex or base64 echo is
 * caught as well as an exact one. Shorter secrets are removed where they appear whole.
 */
export function redact(text: string, secrets: string[]): string {
  const runs = new Set<string>();
  const whole = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of formsOf(secret)) {
      if (form.length < MIN_SECRET_RUN) {
        if (form.length > 0) whole.add(form);
        continue;
      }
      const folded = fold(form);
      for (let i = 0; i + MIN_SECRET_RUN <= folded.length; i++) runs.add(folded.slice(i, i + MIN_SECRET_RUN));
    }
  }
  if (runs.size === 0 && whole.size === 0) return text;
  const hidden = new Uint8Array(text.length);
  const folded = fold(text);
  for (let i = 0; i + MIN_SECRET_RUN <= folded.length; i++) {
    if (runs.has(folded.slice(i, i + MIN_SECRET_RUN))) hidden.fill(1, i, i + MIN_SECRET_RUN);
  }
  for (const form of whole) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) hidden.fill(1, at, at + form.length);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (hidden[i] === 0) out += text.charAt(i);
    else if (i === 0 || hidden[i - 1] === 0) out += MARKER;
  }
  return out;
}
