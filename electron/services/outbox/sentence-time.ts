/** A moment as the outbox's sentences say it ("6 Dec 2026, 14:05"): one fixed form, so every notice reads alike. */
export function sentenceTime(at: number): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
