import { describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/templates.js';
import { editOf, initialTemplatesState, visibleTemplates, withTemplates } from './store.js';

const t = (id: string, accountId: string | null): Template => ({ id, kind: 'template', name: id, accountId, subject: '', html: '<p>x</p>', cc: [], bcc: [], attachments: [], createdAt: 1, updatedAt: 2 });
const list = [t('all-1', null), t('billing-1', 'billing'), t('sales-1', 'sales')];

describe('templates store', () => {
  it('filters: all, only those for every account, or those offered for one account (its own and every account’s)', () => {
    expect(visibleTemplates(list, { kind: 'all' }).map((x) => x.id)).toEqual(['all-1', 'billing-1', 'sales-1']);
    expect(visibleTemplates(list, { kind: 'every-account' }).map((x) => x.id)).toEqual(['all-1']);
    expect(visibleTemplates(list, { kind: 'account', accountId: 'billing' }).map((x) => x.id)).toEqual(['all-1', 'billing-1']);
  });

  it('a rename whose template went away elsewhere closes; the edit form keeps only what is saved', () => {
    const state = withTemplates({ ...initialTemplatesState, renamingId: 'gone' }, list);
    expect(state.renamingId).toBeNull();
    expect(editOf(list[1]!)).toEqual({ id: 'billing-1', kind: 'template', name: 'billing-1', accountId: 'billing', subject: '', html: '<p>x</p>', cc: [], bcc: [], attachments: [] });
  });
});
