/**
 * A list snippet made of the message's words only: the plain-text body carries leftovers of
 * its formatting (link targets in angle brackets, list bullets, quote markers, rules) that
 * read as noise in one line, so they are dropped before the text is cut to `max` characters.
 */
export function snippetFromText(text: string, max: number): string {
  const words = text
    .slice(0, max * 8)
    .replace(/\s*<(?:https?|mailto|tel):[^>\s]*>/gi, '')
    .replace(/\s*\[(?:https?|mailto|tel):[^\]\s]*\]/gi, '')
    .split('\n')
    .map((line) => line.replace(/^[\s>]*/, '').replace(/^(?:[*•\-+]|\d{1,3}[.)])\s+/, ''))
    .join(' ')
    .replace(/(?:^|\s)(?:-{3,}|_{3,}|={3,}|\*{3,})(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words.length <= max) return words;
  const cut = words.slice(0, max - 1);
  // At a word's end where one is near, so the snippet does not stop mid-word.
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
