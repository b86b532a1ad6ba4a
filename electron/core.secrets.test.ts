import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, type ChannelName } from '../shared/ipc.js';
import type { Core } from './core.js';
import { testCore } from './core-test-support.js';

const SECRETS = {
  // Random-looking, so that no five characters of them occur in ordinary words or ids.
  rollout: 'eyJxQ7vW2.kZ9pLmR4tY8uB3nC6.Hq5Jw1Xs',
  rebilly: 'sk_9TgVb2NcXq7ZwLpR4yKm0123456789',
  stuut: 'Qz8WvKc3Lp9XrTm2Yb6NhJd4Fs',
  unipile: 'Jm4Xq/Zr8Tv+Kp2Wn6Lc9Yb3Hd=',
  'crm-gateway': 'wbk_Vq7Xz2Lm9Pr4Tk8Nc6Yb1Jw',
};
const PASSPHRASE = 'correct horse battery staple';

/** Every substring longer than four characters: none of them may appear anywhere the page or a log can see. */
function leaksIn(text: string): string[] {
  const found: string[] = [];
  for (const secret of [...Object.values(SECRETS), PASSPHRASE]) {
    for (let start = 0; start + 5 <= secret.length; start++) {
      const piece = secret.slice(start, start + 5);
      if (text.includes(piece)) found.push(piece);
    }
  }
  return found;
}

const trusted = { url: 'http://127.0.0.1:1', isTopFrame: true };
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-core-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('no channel, event, log line or error ever carries a secret', () => {
  it('after adding one account per vendor with known keys, every channel answers without them', async () => {
    const seen: string[] = [];
    const log = (...args: unknown[]) => seen.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(' '));
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(log);
    const core: Core = testCore(dir, {
      scrypt: { N: 2 ** 10, r: 8, p: 1 },
      logError: (channel, error) => log(channel, error),
    });
    core.bus.subscribe((event, payload) => seen.push(JSON.stringify({ event, payload })));
    const call = async (channel: ChannelName | string, input?: unknown) => {
      const result = await core.dispatch(channel, input, trusted);
      seen.push(JSON.stringify(result));
      return result as { ok: boolean; value?: { id?: string } };
    };

    const from = { name: 'Ann', email: 'ann@example.com' };
    const drafts = [
      { label: 'Rollout', settings: { provider: 'rollout', credentialId: 'cred-1' }, secret: SECRETS.rollout },
      { label: 'Rebilly', settings: { provider: 'rebilly', organizationId: 'org-1' }, secret: SECRETS.rebilly },
      { label: 'Stuut', settings: { provider: 'stuut', emailSender: 'sndr_1' }, secret: SECRETS.stuut },
      { label: 'Unipile', settings: { provider: 'unipile', baseUrl: 'https://api1.unipile.com:13111', accountId: 'acc-1' }, secret: SECRETS.unipile },
      { label: 'Gateway', settings: { provider: 'crm-gateway', endpointUrl: 'https://gw.example.com/v1/email/send' }, secret: SECRETS['crm-gateway'] },
      { label: 'Sandbox', settings: { provider: 'sandbox' } },
    ];
    const ids: string[] = [];
    for (const draft of drafts) {
      const saved = await call('accounts:save', { ...draft, from });
      expect(saved.ok).toBe(true);
      ids.push(saved.value!.id!);
    }
    // Failures that echo input: a duplicate label, a bad URL with the key in it, a key on two lines, an unknown id.
    expect((await call('accounts:save', { label: 'Rollout', from, settings: { provider: 'rollout', credentialId: 'x' }, secret: SECRETS.rollout })).ok).toBe(false);
    expect((await call('accounts:save', { label: 'Bad', from, settings: { provider: 'crm-gateway', endpointUrl: `http://${SECRETS.stuut}.example.com` }, secret: SECRETS.stuut })).ok).toBe(false);
    expect((await call('accounts:save', { label: 'Two lines', from, settings: { provider: 'stuut', emailSender: 'sndr_2' }, secret: `${SECRETS.stuut}\n${SECRETS.rebilly}` })).ok).toBe(false);
    expect((await call('accounts:save', { id: 'missing', label: 'Gone', from, settings: { provider: 'stuut', emailSender: 'sndr_2' }, secret: SECRETS.stuut })).ok).toBe(false);
    expect((await call('accounts:save', { label: 42, secret: SECRETS.unipile })).ok).toBe(false);
    // Edit without retyping the key, change the default, remove one.
    expect((await call('accounts:save', { ...drafts[1], id: ids[1], label: 'Rebilly EU', from, secret: '' })).ok).toBe(true);
    expect((await call('accounts:setDefault', { id: ids[2] })).ok).toBe(true);
    expect((await call('accounts:remove', { id: ids[3] })).ok).toBe(true);
    expect((await call('accounts:unlock', { passphrase: PASSPHRASE })).ok).toBe(false);
    expect((await call('accounts:chooseVaultMode', { mode: 'passphrase', passphrase: PASSPHRASE })).ok).toBe(false);

    // Every channel of the contract, including ones added later, with no input and with a key as input.
    for (const channel of channelNames) {
      await call(channel);
      await call(channel, { id: SECRETS.rollout, passphrase: SECRETS.rebilly });
    }
    await call('no:suchChannel', SECRETS.stuut);

    // The send path does get the key, and only there.
    const sendable = await core.accounts.resolveForSend(ids[1]!);
    expect(sendable.secret).toBe(SECRETS.rebilly);
    seen.push(JSON.stringify(sendable.account));
    const missing = await core.accounts.resolveForSend(ids[3]!).catch((error: Error) => error);
    seen.push(String(missing));

    expect(seen.length).toBeGreaterThan(40);
    expect(leaksIn(seen.join('\n'))).toEqual([]);
    expect(leaksIn(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual([]);
    // The hint is the last four characters and no more.
    const list = (await call('accounts:list')) as unknown as { value: { accounts: { label: string; secretHint: string | null }[] } };
    expect(list.value.accounts.find((a) => a.label === 'Rebilly EU')?.secretHint).toBe('6789');
  });
});
