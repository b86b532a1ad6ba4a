import { describe, expect, it } from 'vitest';
import { addChips, chipsFrom, invalidChips, removeChip, type RecipientLists } from './recipients.js';

const empty: RecipientLists = { to: [], cc: [], bcc: [] };

describe('recipient chips', () => {
  it('makes three chips of a pasted list with a quoted comma', () => {
    const chips = chipsFrom('Ann <ann@x.io>, bob@y.org; "Lee, C" <c@z.com>');
    expect(chips.map((c) => c.address)).toEqual([
      { name: 'Ann', email: 'ann@x.io' },
      { email: 'bob@y.org' },
      { name: 'Lee, C', email: 'c@z.com' },
    ]);
    expect(chips.every((c) => c.error === null)).toBe(true);
  });

  it('keeps a bad address as a chip with its reason', () => {
    const { lists } = addChips(empty, 'to', chipsFrom('ann@x.io, bob@, carol@z.org'));
    expect(lists.to).toHaveLength(3);
    const bad = invalidChips(lists);
    expect(bad.map((c) => c.raw)).toEqual(['bob@']);
    expect(bad[0]?.error).toMatch(/\S/);
  });

  it('shows an address once across To, Cc and Bcc and says which were merged', () => {
    const first = addChips(empty, 'to', chipsFrom('ann@x.io'));
    const second = addChips(first.lists, 'cc', chipsFrom('ANN@x.io, dan@x.io'));
    expect(second.lists.to.map((c) => c.address?.email)).toEqual(['ann@x.io']);
    expect(second.lists.cc.map((c) => c.address?.email)).toEqual(['dan@x.io']);
    expect(second.merged).toEqual(['ANN@x.io']);
  });

  it('removes one chip by id and leaves the rest', () => {
    const { lists } = addChips(empty, 'bcc', chipsFrom('a@x.io, b@x.io'));
    const first = lists.bcc[0];
    if (!first) throw new Error('no chip');
    expect(removeChip(lists, 'bcc', first.id).bcc.map((c) => c.address?.email)).toEqual(['b@x.io']);
  });
});
