/**
 * Words that say "there is a file with this message", in English, German, French, Spanish,
 * Portuguese, Dutch and Italian. Whole words only (`unattached`, `detachment`, `Anhänger`
 * do not count); the lookarounds make the boundary unicode-aware, which `\b` is not.
 * Bare words that mean something else too (French "joint", German "Anlage") are left out:
 * a reminder that fires on ordinary sentences teaches people to ignore it.
 */
// Built from the constant list below, nothing the user typed; one word per line keeps it reviewable.
// eslint-disable-next-line security/detect-non-literal-regexp
const MENTION = new RegExp(
  '(?<![\\p{L}\\p{N}_-])(?:' +
    [
      // English
      'attach(?:ed|ment|ments|ing)?', 'enclosed', 'enclosures?',
      // German
      'anhang', 'anhängen', 'angehängt(?:e|en)?', 'anbei', 'beigefügt(?:e|en)?', 'beiliegend(?:e|en)?', 'dateianhang',
      // French
      'pièces?\\s+jointes?', 'ci-joint(?:e|es|s)?', 'en\\s+annexe',
      // Spanish
      'adjunt(?:o|a|os|as|ado|ada|amos)', 'anexo',
      // Portuguese (anexo above serves both)
      'anexad(?:o|a|os|as)', 'anexos', 'em\\s+anexo',
      // Dutch
      'bijlagen?', 'bijgevoegd(?:e)?', 'meegestuurd',
      // Italian
      'allegat(?:o|a|i|e)', 'in\\s+allegato',
    ].join('|') +
    ')(?![\\p{L}\\p{N}_])',
  'iu',
);

/**
 * The word in the subject or body that suggests a forgotten attachment, as the user wrote
 * it, or null. `bodyText` must already exclude the signature and quoted text (a signature's
 * "attachments may be confidential" must not count); the caller knows where they are.
 */
export function findAttachmentMention(subject: string, bodyText: string): string | null {
  for (const text of [subject, bodyText]) {
    // NFC so that a decomposed "ä" (a + combining diaeresis) matches like the composed one.
    const match = MENTION.exec(text.normalize('NFC'));
    if (match) return match[0];
  }
  return null;
}
