/**
 * Text from other people (subjects, file names, display names) shown so that it cannot
 * disguise itself: Unicode direction controls are replaced by a visible token instead of
 * being obeyed, and header fields hold one line.
 */

/** The explicit direction controls and marks, by the short name shown in their place. */
const BIDI_NAMES: Readonly<Record<string, string>> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u061C': 'ALM',
};
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
const ANY_BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

export function hasBidiControls(text: string): boolean {
  return ANY_BIDI.test(text);
}

/** `Invoice\u202Eexe.pdf` → `Invoice⟨RLO⟩exe.pdf`: the control shown, not obeyed. */
export function revealBidi(text: string): string {
  return text.replace(BIDI, (control) => `⟨${BIDI_NAMES[control] ?? 'BIDI'}⟩`);
}

/** CR and LF, and what some programs also take for a line end: VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]/u;
const LINE_BREAK_RUNS = /[\r\n\v\f\u0085\u2028\u2029]+/gu;

export function hasLineBreak(text: string): boolean {
  return LINE_BREAKS.test(text);
}

/** A header field's value on one line: every run of line breaks becomes one space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAK_RUNS, ' ');
}

/**
 * A file name's real extension when direction controls make it look like another
 * (`invoice \u202Efdp.exe` shows as "invoice exe.pdf" but is an .exe); null when the name hides nothing.
 */
export function hiddenExtension(filename: string): string | null {
  if (!hasBidiControls(filename)) return null;
  const plain = filename.replace(BIDI, '');
  const dot = plain.lastIndexOf('.');
  return dot > 0 && dot < plain.length - 1 ? plain.slice(dot + 1).toLowerCase() : '';
}
