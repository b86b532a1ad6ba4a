import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../shared/accounts.js';
import type { Capabilities } from '../../../../shared/capabilities.js';
import { addChips, chipsFrom, type RecipientLists } from '../recipients/recipients.js';
import { checkSend, type SendFacts } from './send-check.js';

const full: Capabilities = {
  cc: true,
  bcc: true,
  textPart: true,
  localAttachments: true,
  maxAttachmentBytes: 1000,
  replyTo: true,
  threading: true,
  idempotency: 'guaranteed',
  displayNames: true,
  customFrom: true,
};

const account: AccountView = {
  id: 'a1',
  label: 'Work',
  from: { name: 'Me', email: 'me@x.io' },
  settings: { provider: 'sandbox', timeoutMs: 30_000 },
  signatureHtml: '',
  isDefault: true,
  hasSecret: false,
  secretHint: null,
  attention: null,
};

function facts(overrides: Partial<SendFacts> & { to?: string; cc?: string } = {}): SendFacts {
  let lists: RecipientLists = { to: [], cc: [], bcc: [] };
  if (overrides.to) lists = addChips(lists, 'to', chipsFrom(overrides.to)).lists;
  if (overrides.cc) lists = addChips(lists, 'cc', chipsFrom(overrides.cc)).lists;
  return { account, providerName: 'Sandbox', capabilities: full, lists, subject: 'Hi', attachments: [], ...overrides };
}

describe('checkSend', () => {
  it('lets a valid message go', () => {
    expect(checkSend(facts({ to: 'ann@x.io' })).blockers).toEqual([]);
  });

  it('needs an account and a To recipient', () => {
    const check = checkSend(facts({ account: null }));
    expect(check.blockers.map((b) => b.field)).toEqual(['from', 'to']);
  });

  it('blocks on an invalid chip and names it', () => {
    const [blocker] = checkSend(facts({ to: 'ann@x.io, bob@' })).blockers;
    expect(blocker?.message).toContain('bob@');
  });

  it('refuses Cc through a provider without Cc, with the reason', () => {
    const check = checkSend(facts({ to: 'ann@x.io', cc: 'cc@x.io', providerName: 'Rollout', capabilities: { ...full, cc: false } }));
    expect(check.blockers).toEqual([{ field: 'cc', message: 'Rollout cannot send Cc recipients. Remove them or choose another account.' }]);
  });

  it('refuses attachments over the provider limit', () => {
    const attachments = [{ token: 'abcdefghijklmnop', filename: 'a.bin', mimeType: 'application/octet-stream', size: 2000 }];
    const check = checkSend(facts({ to: 'ann@x.io', attachments }));
    expect(check.blockers[0]?.field).toBe('attachments');
  });

  it('blocks an account that needs its key re-entered', () => {
    const check = checkSend(facts({ to: 'ann@x.io', account: { ...account, attention: 'The key must be entered again.' } }));
    expect(check.blockers[0]).toEqual({ field: 'from', message: 'Work: The key must be entered again.' });
  });

  it('warns what a vendor drops instead of dropping it silently', () => {
    const check = checkSend(
      facts({ to: 'Ann <ann@x.io>', providerName: 'Stuut', capabilities: { ...full, displayNames: false, customFrom: false, textPart: false } }),
    );
    expect(check.blockers).toEqual([]);
    expect(check.warnings.map((w) => w.field)).toEqual(['from', 'recipients', 'body']);
  });

  it('warns about a long subject on the CRM gateway only', () => {
    const subject = 'x'.repeat(151);
    const gateway = { ...account, settings: { provider: 'crm-gateway' as const, endpointUrl: 'https://g.example.com/send', timeoutMs: 30_000 } };
    expect(checkSend(facts({ to: 'a@x.io', subject, account: gateway })).warnings.map((w) => w.field)).toEqual(['subject']);
    expect(checkSend(facts({ to: 'a@x.io', subject })).warnings).toEqual([]);
  });
});
