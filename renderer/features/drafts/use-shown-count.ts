import { useEffect, useRef, useState } from 'react';

/** Rows put in the page at first: more than a tall window shows. */
const FIRST = 30;
/** Rows added each time the end of the list comes into view. */
const STEP = 100;

/**
 * How many of `total` rows to put in the page: the first few at start, more whenever the
 * marker after the last one scrolls (or is tabbed) into view. A start with 500 drafts then
 * lays out 30 rows, not 500.
 */
export function useShownCount(total: number): { shown: number; marker: React.RefObject<HTMLLIElement | null> } {
  const [shown, setShown] = useState(FIRST);
  const marker = useRef<HTMLLIElement>(null);
  const more = shown < total;
  useEffect(() => {
    const element = marker.current;
    if (!more || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setShown((count) => count + STEP);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [more, shown]);
  return { shown: Math.min(shown, total), marker };
}
