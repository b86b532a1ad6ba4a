import { describe, expect, it } from 'vitest';
import { dayAndTime, longWhen, shortWhen, timeOfDay } from './when.js';

// Local times: "today" and "this year" are the person's own.
const moments = [new Date(2026, 11, 7, 9, 5, 7), new Date(2026, 0, 1, 23, 59, 59), new Date(2019, 6, 14, 0, 0, 1)].map((date) => date.getTime());

describe('when', () => {
  it('writes each moment exactly as the locale functions would, however many times it is asked', () => {
    const now = new Date(2026, 11, 7, 12, 0, 0);
    for (let round = 0; round < 2; round++) {
      for (const at of moments) {
        const date = new Date(at);
        expect(timeOfDay(at)).toBe(date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
        expect(longWhen(at)).toBe(date.toLocaleString([], { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }));
        expect(dayAndTime(at)).toBe(date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }));
        expect(dayAndTime(at, { seconds: true })).toBe(date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }));
      }
    }
    // Today: the time; this year: the day; older: with the year.
    expect(shortWhen(moments[0]!, now)).toBe(timeOfDay(moments[0]!));
    expect(shortWhen(moments[1]!, now)).toBe(new Date(moments[1]!).toLocaleDateString([], { month: 'short', day: 'numeric' }));
    expect(shortWhen(moments[2]!, now)).toBe(new Date(moments[2]!).toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' }));
  });
});
