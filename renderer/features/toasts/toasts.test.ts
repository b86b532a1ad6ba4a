import { describe, expect, it } from 'vitest';
import { expired, initialToastsState, withToast, type Toast } from './store.js';
import { timeLeft } from './time-left.js';

const toast = (over: Partial<Toast>): Toast => ({ kind: 'send', text: 'Sending', tone: 'info', action: null, endsAt: null, about: null, ...over });

describe('toasts', () => {
  it('keeps one toast of each kind, the newest', () => {
    let state = withToast(initialToastsState, toast({ text: 'first' }));
    state = withToast(state, toast({ kind: 'draft-deleted', text: 'deleted' }));
    state = withToast(state, toast({ text: 'second' }));
    expect(state.toasts.map((t) => t.text)).toEqual(['deleted', 'second']);
  });

  it('drops a toast at its end and an action when its window closes', () => {
    const run = () => undefined;
    const state = { toasts: [toast({ endsAt: 100 }), toast({ kind: 'undo-send', action: { label: 'Undo', run, until: 50 } })] };
    expect(expired(state, 40)).toBe(state);
    expect(expired(state, 60).toasts).toEqual([toast({ endsAt: 100 }), toast({ kind: 'undo-send', action: null })]);
    expect(expired(state, 100).toasts.map((t) => t.kind)).toEqual(['undo-send']);
  });
});

describe('timeLeft', () => {
  const now = new Date(2026, 11, 6, 10, 0, 0);
  it('says seconds, then minutes, then the clock time, never a raw count', () => {
    expect(timeLeft(4_200, 0, now)).toBe('5 s');
    expect(timeLeft(90_000, 0, now)).toBe('1 min 30 s');
    expect(timeLeft(120_000, 0, now)).toBe('2 min');
    const until = new Date(2026, 11, 6, 11, 0, 47).getTime();
    expect(timeLeft(until - now.getTime(), until, now)).toMatch(/^until 11:00/);
    const tomorrow = new Date(2026, 11, 7, 9, 0, 0).getTime();
    expect(timeLeft(tomorrow - now.getTime(), tomorrow, now)).toMatch(/^until \w+, \w+ 7 09:00|^until .*7.*09:00/);
  });
});
