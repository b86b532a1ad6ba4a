import { describe, expect, it } from 'vitest';
import { initialDesktopState, withMailClientAnswer } from './store.js';

const notDefault = { available: true, isDefault: false, actionLabel: 'Make Composer the default mail client', explanation: 'Email links on this computer open in another app.' };

describe('withMailClientAnswer', () => {
  it('shows the status it was given and ends the wait', () => {
    const next = withMailClientAnswer({ ...initialDesktopState, busy: true, error: 'old' }, { ok: true, value: notDefault });
    expect(next).toEqual({ mailClient: notDefault, busy: false, error: null });
  });

  it('keeps the last known status when the system refuses, with the reason', () => {
    const before = { ...initialDesktopState, mailClient: notDefault, busy: true };
    const next = withMailClientAnswer(before, { ok: false, error: { kind: 'internal', message: 'The system did not accept Composer as the default mail app.' } });
    expect(next).toEqual({ mailClient: notDefault, busy: false, error: 'The system did not accept Composer as the default mail app.' });
  });
});
