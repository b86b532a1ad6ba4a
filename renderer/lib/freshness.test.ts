import { describe, expect, it } from 'vitest';
import { createFreshness } from './freshness.js';

describe('freshness', () => {
  it('keeps an answer when no change was announced while it was on its way', () => {
    const fresh = createFreshness();
    expect(fresh.begin()()).toBe(true);
  });

  it('drops an answer overtaken by a change event', () => {
    const fresh = createFreshness();
    const current = fresh.begin();
    fresh.eventArrived();
    expect(current()).toBe(false);
    expect(fresh.begin()()).toBe(true);
  });
});
