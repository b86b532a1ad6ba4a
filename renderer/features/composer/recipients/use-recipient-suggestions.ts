import { useEffect, useState } from 'react';
import type { RecipientSuggestion } from '../../../../shared/history.js';
import { fetchSuggestions, suggestionPrefix, withoutPresent } from './recipient-suggest.js';

const DELAY_MS = 120;

/**
 * Suggestions for what is being typed in a recipient field, asked of the sent history a moment
 * after typing pauses; an answer for older text never replaces the one for newer text.
 */
export function useRecipientSuggestions(text: string, present: string[], enabled: boolean) {
  const [found, setFound] = useState<{ prefix: string; items: RecipientSuggestion[] }>({ prefix: '', items: [] });
  const [active, setActive] = useState(-1);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const prefix = enabled ? suggestionPrefix(text) : null;
  useEffect(() => {
    if (prefix === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void fetchSuggestions(prefix).then((items) => {
        if (!current) return;
        setFound({ prefix, items });
        setActive(-1);
      });
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [prefix]);
  const items = prefix !== null && found.prefix === prefix && dismissed !== prefix ? withoutPresent(found.items, present) : [];
  return {
    items,
    active: active < items.length ? active : -1,
    move(step: 1 | -1) {
      const count = items.length;
      if (count === 0) return;
      setActive((index) => (index < 0 ? (step === 1 ? 0 : count - 1) : (index + step + count) % count));
    },
    setActive,
    dismiss() {
      setDismissed(prefix);
    },
  };
}
