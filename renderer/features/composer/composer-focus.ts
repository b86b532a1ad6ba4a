import { useEffect, useRef } from 'react';
import { create } from 'zustand';

/** Where the caret goes after an action that opens a message: To for a new one, the body for a reply. */
export type FocusTarget = 'to' | 'body';

interface FocusRequest {
  target: FocusTarget | null;
  seq: number;
}

/**
 * A request the mounted composer carries out after it shows the message (or when it
 * mounts, if the action also switched the view); it is taken once, so it is never replayed.
 */
export const useFocusRequest = create<FocusRequest>()(() => ({ target: null, seq: 0 }));

export function requestComposerFocus(target: FocusTarget): void {
  useFocusRequest.setState((state) => ({ target, seq: state.seq + 1 }));
}

export function takeFocusRequest(): FocusTarget | null {
  const { target } = useFocusRequest.getState();
  if (target) useFocusRequest.setState({ target: null });
  return target;
}

/** Carries out focus requests once the composer shows the message they were made for. */
export function useFocusRequests(focus: (target: FocusTarget) => void, generation: number): void {
  const seq = useFocusRequest((state) => state.seq);
  const latest = useRef(focus);
  latest.current = focus;
  useEffect(() => {
    const target = takeFocusRequest();
    if (target) latest.current(target);
  }, [seq, generation]);
}

/**
 * Focus for a Send that cannot go yet: the first invalid chip (its reason is its name),
 * else the field the reason names. The reason itself is announced by the caller.
 */
export function focusBlocker(root: HTMLElement | null, field: string): void {
  if (!root) return;
  const target =
    field === 'recipients'
      ? root.querySelector<HTMLElement>('.chip-invalid')
      : field === 'from'
        ? root.querySelector<HTMLElement>('#composer-from')
        : field === 'subject'
          ? root.querySelector<HTMLElement>('#composer-subject')
          : field.startsWith('log-to-')
            ? root.querySelector<HTMLElement>(`#${field}`)
            : root.querySelector<HTMLElement>(`[data-field="${field}"] .chip-input`);
  target?.focus();
}
