import { describe, expect, it } from 'vitest';
import { initialDesktopState, toggledLanguage, withChosenLanguages, withMailClientAnswer, withSpellcheckAnswer } from './store.js';

const notDefault = { available: true, isDefault: false, actionLabel: 'Make Composer the default mail client', explanation: 'Email links on this computer open in another app.' };

describe('withMailClientAnswer', () => {
  it('shows the status it was given and ends the wait', () => {
    const next = withMailClientAnswer({ ...initialDesktopState, busy: true, error: 'old' }, { ok: true, value: notDefault });
    expect(next).toEqual({ ...initialDesktopState, mailClient: notDefault, busy: false, error: null });
  });

  it('keeps the last known status when the system refuses, with the reason', () => {
    const before = { ...initialDesktopState, mailClient: notDefault, busy: true };
    const next = withMailClientAnswer(before, { ok: false, error: { kind: 'internal', message: 'The system did not accept Composer as the default mail app.' } });
    expect(next).toEqual({ ...initialDesktopState, mailClient: notDefault, busy: false, error: 'The system did not accept Composer as the default mail app.' });
  });
});

const following = { checker: 'chromium' as const, dictionaries: ['de', 'en-GB', 'fr'], chosen: [], systemDefault: ['en-GB'], active: ['en-GB'], max: 3, explanation: 'Spelling is checked in British English.' };

describe('withSpellcheckAnswer', () => {
  it('shows the languages in use and ends the wait', () => {
    expect(withSpellcheckAnswer({ ...initialDesktopState, spellcheckBusy: true, spellcheckError: 'old' }, { ok: true, value: following })).toEqual({ ...initialDesktopState, spellcheck: following });
  });

  it('keeps the languages in use when a change is refused, with the reason', () => {
    const next = withSpellcheckAnswer({ ...initialDesktopState, spellcheck: following, spellcheckBusy: true }, { ok: false, error: { kind: 'validation', message: 'There is no spellcheck dictionary for “Japanese” here; choose languages from the list.' } });
    expect(next.spellcheck).toBe(following);
    expect(next.spellcheckBusy).toBe(false);
    expect(next.spellcheckError).toContain('Japanese');
  });
});

describe('toggledLanguage', () => {
  it('ticks a language after the others and unticks it again', () => {
    expect(toggledLanguage(['en-GB'], 'de', 3)).toEqual(['en-GB', 'de']);
    expect(toggledLanguage(['en-GB', 'de'], 'en-GB', 3)).toEqual(['de']);
  });

  it('changes nothing when ticking past the limit, but unticking still works', () => {
    expect(toggledLanguage(['en-GB', 'de', 'fr'], 'nl', 3)).toEqual(['en-GB', 'de', 'fr']);
    expect(toggledLanguage(['en-GB', 'de', 'fr'], 'de', 3)).toEqual(['en-GB', 'fr']);
  });
});

describe('withChosenLanguages', () => {
  it('shows the new choice at once and leaves what is in use to main’s answer', () => {
    expect(withChosenLanguages(following, ['de'])).toEqual({ ...following, chosen: ['de'] });
  });
});
