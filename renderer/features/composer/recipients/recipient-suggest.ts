import { formatAddress } from '../../../../shared/address.js';
import type { RecipientSuggestion } from '../../../../shared/history.js';
import { bridge } from '../../../lib/bridge.js';

/** Fewer characters match too much of the history to help. */
export const MIN_PREFIX = 2;

/** Whether what is typed is one address being started (not a list, not a finished one with a comma). */
export function suggestionPrefix(text: string): string | null {
  const prefix = text.trim();
  if (prefix.length < MIN_PREFIX || /[,;<>"]/.test(prefix)) return null;
  return prefix;
}

/** Suggestions not already among the field's recipients, in main's order (most frequent and recent first). */
export function withoutPresent(suggestions: RecipientSuggestion[], present: string[]): RecipientSuggestion[] {
  const known = new Set(present.map((email) => email.toLowerCase()));
  return suggestions.filter((s) => !known.has(s.email.toLowerCase()));
}

/** What a picked suggestion becomes in the field: the name kept, quoted when it needs to be. */
export function suggestionText(suggestion: RecipientSuggestion): string {
  return formatAddress(suggestion.name ? { name: suggestion.name, email: suggestion.email } : { email: suggestion.email });
}

/** Addresses sent to before that start with `prefix`; none when the history cannot answer (typing goes on). */
export async function fetchSuggestions(prefix: string): Promise<RecipientSuggestion[]> {
  const result = await bridge().history.suggestRecipients({ prefix, limit: 8 });
  return result.ok ? result.value : [];
}
