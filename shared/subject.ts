/**
 * Reply and forward markers mail programs put in front of a subject, in the languages our
 * users' correspondents write in. Each may carry a counter (`RE[2]:`, `Re(3):`, `Re^2:`) and is
 * followed by a colon (a full-width one after CJK markers is folded to `:` by NFKC first).
 * Single letters (`R:`) are kept to the ones clients really send; `I:` (Italian forward) is
 * left out because real subjects start with "I:" more often than Outlook's forward does.
 */
const MARKERS = [
  're', 'fw', 'fwd', 'aw', 'wg', 'sv', 'vs', 'vb', 'vl', 'antw', 'doorst', 'réf', 'ref', 'tr', 'rv', 'r', 'enc', 'res', 'rif',
  'odp', 'pd', 'ynt', 'ilt', 'i̇lt', 'vá', 'továbbítás', 'vedr', 'atb', 'pārs', 'balas', 'ответ', 'отв', 'пересл', 'הועבר', 'השב',
  'απ', 'σχετ', 'πρθ', 'رد', '回复', '回覆', '答复', '转发', '轉寄', '转寄', '返信', '転送', '답장', '전달',
];

// Longest first so `fwd` wins over `fw` and `res` over `re`.
const ALTERNATION = [...MARKERS].sort((a, b) => b.length - a.length).join('|');
// eslint-disable-next-line security/detect-non-literal-regexp -- built once from the fixed list above.
const LEADING_MARKER = new RegExp(`^(?:${ALTERNATION})\\.?\\s*(?:\\[\\d{1,4}\\]|\\(\\d{1,4}\\)|\\^\\d{1,4})?\\s*:`, 'iu');

/** NFKC (full-width colons and letters), lower case, one space between words. */
function fold(subject: string): string {
  return subject.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The subject a thread is grouped by: reply/forward markers stripped repeatedly, case and
 * whitespace folded. `"RE[2]: Fwd:  Invoice  42"` and `"invoice 42"` give the same key.
 * An empty key means "no subject": such messages are never grouped by subject.
 */
export function normalizeSubject(subject: string): string {
  let rest = fold(subject);
  for (;;) {
    const marker = LEADING_MARKER.exec(rest);
    if (!marker) return rest;
    rest = rest.slice(marker[0].length).trimStart();
  }
}

function startsWithMarker(subject: string, marker: 're' | 'fwd'): boolean {
  const head = fold(subject);
  return marker === 're' ? /^re\s*:/u.test(head) : /^fwd?\s*:/u.test(head);
}

/** `Re: <subject>` unless it already starts with `Re:`; the original wording is kept. */
export function replySubject(subject: string): string {
  const trimmed = subject.trim();
  return startsWithMarker(trimmed, 're') ? trimmed : `Re: ${trimmed}`.trimEnd();
}

/** `Fwd: <subject>` unless it already starts with `Fwd:` or `Fw:`. */
export function forwardSubject(subject: string): string {
  const trimmed = subject.trim();
  return startsWithMarker(trimmed, 'fwd') ? trimmed : `Fwd: ${trimmed}`.trimEnd();
}
