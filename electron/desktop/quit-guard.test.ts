import { describe, expect, it } from 'vitest';
import { guardQuit, noPendingWork, quitDecision, quitQuestion, type PendingWork, type QuitCounts, type QuitQuestion } from './quit-guard.js';

const counts = (over: Partial<QuitCounts> = {}): QuitCounts => ({ undoWindowCount: 0, inFlightCount: 0, ...over });

describe('quitDecision', () => {
  it.each([
    [counts(), 'quit'],
    [counts({ undoWindowCount: 1 }), 'ask'],
    [counts({ inFlightCount: 2 }), 'ask'],
    [counts({ undoWindowCount: 1, inFlightCount: 1 }), 'ask'],
  ] as const)('%j -> %s', (input, expected) => {
    expect(quitDecision(input)).toBe(expected);
  });
});

describe('quitQuestion', () => {
  it('says how many messages would be affected and what happens to them', () => {
    expect(quitQuestion(counts({ undoWindowCount: 1 })).detail).toBe('1 message is waiting out the undo delay and will not be sent if you quit now.');
    const both = quitQuestion(counts({ undoWindowCount: 2, inFlightCount: 1 }));
    expect(both.detail).toBe(
      '2 messages are waiting out the undo delay and will not be sent if you quit now. 1 message is being sent; quitting may leave it unconfirmed, so check the Sent view after you reopen.',
    );
    expect(both).toMatchObject({ quitLabel: 'Quit Anyway', stayLabel: 'Keep Composer Open' });
  });
});

/** Pending work as the outbox would report it. */
const work = (current: QuitCounts): PendingWork => ({ counts: () => current });

describe('guardQuit', () => {
  const asked: QuitQuestion[] = [];
  const answer = (quit: boolean) => (question: QuitQuestion) => {
    asked.push(question);
    return Promise.resolve(quit);
  };

  it('quits at once with nothing pending, without asking', async () => {
    asked.length = 0;
    expect(await guardQuit(noPendingWork, answer(false))).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks when messages are waiting, and follows the answer', async () => {
    asked.length = 0;
    expect(await guardQuit(work(counts({ undoWindowCount: 1 })), answer(false))).toBe(false);
    expect(await guardQuit(work(counts({ inFlightCount: 1 })), answer(true))).toBe(true);
    expect(asked).toHaveLength(2);
  });
});
