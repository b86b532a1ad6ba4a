import { beforeEach, describe, expect, it, vi } from 'vitest';

// Only the Electron binary's own APIs are faked here: contextBridge and ipcRenderer.
const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: channel };
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
}));

type Mailer = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  on(event: string, cb: (payload: unknown) => void): () => void;
};

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear();
    invoked.length = 0;
    listeners.clear();
    vi.resetModules();
    await import('./preload.js');
  });

  it('exposes window.mailer and nothing else; never ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['mailer']);
    const mailer = exposed.get('mailer') as Mailer;
    expect(Object.values(mailer).some((value) => typeof value === 'object' && value !== null && 'invoke' in value)).toBe(false);
  });

  it('forwards each contract call to its own channel', async () => {
    const mailer = exposed.get('mailer') as Mailer;
    expect(await mailer.app!.info!()).toEqual({ ok: true, value: 'app:info' });
    await mailer.notices!.dismiss!({ id: 'x' });
    expect(invoked).toEqual([
      ['app:info', undefined],
      ['notices:dismiss', { id: 'x' }],
    ]);
  });

  it('hands the page the payload only, not the IPC event, and unsubscribes', () => {
    const mailer = exposed.get('mailer') as Mailer;
    const seen: unknown[] = [];
    const stop = mailer.on('notices:changed', (...args: unknown[]) => seen.push(args));
    const [listener] = listeners.get('notices:changed') ?? [];
    listener?.({ sender: 'ipc event with senderFrame' }, ['payload']);
    stop();
    expect(seen).toEqual([[['payload']]]);
    expect(listeners.get('notices:changed')?.size).toBe(0);
  });

  it('refuses to listen on a channel the contract does not name', () => {
    const mailer = exposed.get('mailer') as Mailer;
    expect(() => mailer.on('app:info', () => undefined)).toThrow('Unknown event');
    expect(listeners.size).toBe(0);
  });
});
