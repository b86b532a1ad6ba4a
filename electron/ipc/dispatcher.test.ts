import { describe, expect, it } from 'vitest';
import { channelNames, type AppInfo } from '../../shared/ipc.js';
import { ServiceError } from '../../shared/service-error.js';
import { createDispatcher, type HandlerTable } from './dispatcher.js';
import { createSenderCheck } from './sender.js';

const info: AppInfo = { name: 'Composer', version: '1.2.3', dataDir: '/data', platform: 'linux', runtime: 'harness' };
const appWindow = { url: 'app://bundle/index.html', isTopFrame: true };

// Channels these tests do not call: present so the table is complete as the contract grows.
const notCalledHere = Object.fromEntries(
  channelNames.map((channel) => [channel, () => Promise.reject(new Error(`${channel} is not called in these tests`))]),
) as unknown as HandlerTable;

function setup(overrides: Partial<HandlerTable> = {}) {
  const calls: string[] = [];
  const handlers: HandlerTable = {
    ...notCalledHere,
    'app:info': () => {
      calls.push('app:info');
      return info;
    },
    'providers:list': () => {
      calls.push('providers:list');
      return [];
    },
    'notices:list': () => {
      calls.push('notices:list');
      return [];
    },
    'notices:dismiss': ({ id }) => {
      calls.push(`notices:dismiss:${id}`);
      return [];
    },
    ...overrides,
  };
  const unexpected: unknown[] = [];
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: createSenderCheck(['app://bundle']),
    onUnexpectedError: (_channel, error) => unexpected.push(error),
  });
  return { dispatch, calls, unexpected };
}

describe('IPC dispatcher', () => {
  it('answers a well-formed request from the app window', async () => {
    const { dispatch, calls } = setup();
    expect(await dispatch('app:info', undefined, appWindow)).toEqual({ ok: true, value: info });
    expect(await dispatch('notices:dismiss', { id: 'welcome' }, appWindow)).toEqual({ ok: true, value: [] });
    expect(calls).toEqual(['app:info', 'notices:dismiss:welcome']);
  });

  it.each([
    ['a number where a string belongs', { id: 42 }, 'id'],
    ['a missing field', {}, 'id'],
    ['an extra field', { id: 'x', path: '/etc/passwd' }, '(input)'],
    ['not an object at all', 'welcome', '(input)'],
    ['an empty id', { id: '' }, 'id'],
  ])('rejects %s with a clear error and never calls the handler', async (_label, input, field) => {
    const { dispatch, calls } = setup();
    const result = await dispatch('notices:dismiss', input, appWindow);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid_input');
    expect(result.error.message).toMatch(/^The request to notices:dismiss was malformed: /);
    expect(result.error.fields?.map((f) => f.field)).toContain(field);
    expect(calls).toEqual([]);
  });

  it('rejects input on a channel that takes none', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch('app:info', { dataDir: '/elsewhere' }, appWindow);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isTopFrame: true }],
    ['an iframe inside the app', { url: 'app://bundle/index.html', isTopFrame: false }],
    ['a file:// page', { url: 'file:///home/me/index.html', isTopFrame: true }],
    ['another app:// host', { url: 'app://other/index.html', isTopFrame: true }],
    ['a frame with no URL', { url: '', isTopFrame: true }],
  ])('refuses a sender from %s before looking at its input', async (_label, sender) => {
    const { dispatch, calls } = setup();
    const result = await dispatch('notices:dismiss', { id: 42 }, sender);
    expect(result).toEqual({ ok: false, error: { kind: 'forbidden', message: 'This request did not come from the app window and was refused.' } });
    expect(calls).toEqual([]);
  });

  it('refuses a channel the contract does not name', async () => {
    const { dispatch } = setup();
    expect(await dispatch('shell:exec', { cmd: 'rm -rf /' }, appWindow)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await dispatch('__proto__', undefined, appWindow)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('passes a service failure through as the result', async () => {
    const { dispatch } = setup({
      'notices:list': () => {
        throw new ServiceError({ kind: 'not_found', message: 'No notices file.' });
      },
    });
    expect(await dispatch('notices:list', undefined, appWindow)).toEqual({ ok: false, error: { kind: 'not_found', message: 'No notices file.' } });
  });

  it("passes a provider's failure through as itself, never as 'internal', without its HTTP details", async () => {
    const { dispatch, unexpected } = setup({
      'notices:list': () => {
        throw new ServiceError({ kind: 'unsupported', message: 'Rollout cannot send Cc recipients.', status: 400, vendorCode: 'x', fields: [{ field: 'cc', message: 'no cc' }] });
      },
    });
    expect(await dispatch('notices:list', undefined, appWindow)).toEqual({
      ok: false,
      error: { kind: 'unsupported', message: 'Rollout cannot send Cc recipients.', fields: [{ field: 'cc', message: 'no cc' }] },
    });
    expect(unexpected).toEqual([]);
  });

  it('turns an unexpected error into a calm message that leaks nothing', async () => {
    const { dispatch, unexpected } = setup({
      'app:info': () => {
        throw new Error('ENOENT /home/me/.config/secret-key');
      },
    });
    const result = await dispatch('app:info', undefined, appWindow);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret-key');
    expect(unexpected).toHaveLength(1);
  });

  it('strips from an answer whatever the contract does not name', async () => {
    const { dispatch } = setup({ 'app:info': () => ({ ...info, apiKey: 'sk_live_123' }) as AppInfo });
    const result = await dispatch('app:info', undefined, appWindow);
    expect(result).toEqual({ ok: true, value: info });
  });
});
