import { describe, expect, it } from 'vitest';
import { matching, triggerIn } from './template-trigger.js';

describe('the / and ; shortcut', () => {
  it('opens at the start of a word only', () => {
    expect(triggerIn('/')).toEqual({ length: 1, query: '' });
    expect(triggerIn('Hello /ov')).toEqual({ length: 3, query: 'ov' });
    expect(triggerIn('Hello ;sig')).toEqual({ length: 4, query: 'sig' });
    // Inside a word, a path or a link it is just a character.
    expect(triggerIn('and/or')).toBeNull();
    expect(triggerIn('see https://x')).toBeNull();
    expect(triggerIn('a/b /c/d')).toBeNull();
    // A space after the query closes it.
    expect(triggerIn('/ov ')).toBeNull();
  });

  it('lists names starting with the query first, then those containing it, whatever the case', () => {
    const items = [{ name: 'Renewal overdue' }, { name: 'Overdue reminder' }, { name: 'Sign-off' }];
    expect(matching(items, 'OVER').map((i) => i.name)).toEqual(['Overdue reminder', 'Renewal overdue']);
    expect(matching(items, '')).toHaveLength(3);
    expect(matching(items, 'zz')).toEqual([]);
  });
});
