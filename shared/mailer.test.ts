import { describe, expect, it } from 'vitest';
import { channelNames, type ChannelName, type EventName } from './ipc.js';
import { buildMailer } from './mailer.js';

function recordingTransport() {
  const invoked: [ChannelName, unknown][] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    invoked,
    emit: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
    transport: {
      invoke: async (channel: ChannelName, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, value: null };
      },
      subscribe: (event: EventName, listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    },
  };
}

describe('window.mailer', () => {
  it('has one function per contract channel and nothing else', async () => {
    const { transport, invoked } = recordingTransport();
    const mailer = buildMailer(transport);
    await mailer.app.info();
    await mailer.notices.dismiss({ id: 'n1' });
    expect(invoked).toEqual([
      ['app:info', undefined],
      ['notices:dismiss', { id: 'n1' }],
    ]);
    const exposed = Object.entries(mailer).flatMap(([domain, verbs]) =>
      domain === 'on' ? [] : Object.keys(verbs as object).map((verb) => `${domain}:${verb}`),
    );
    expect(exposed.sort()).toEqual([...channelNames].sort());
    expect(Object.isFrozen(mailer)).toBe(true);
  });

  it('delivers events until unsubscribed and refuses events the contract does not name', () => {
    const { transport, emit } = recordingTransport();
    const mailer = buildMailer(transport);
    const seen: unknown[] = [];
    const stop = mailer.on('notices:changed', (notices) => seen.push(notices));
    emit('notices:changed', [{ id: 'a', level: 'info', text: 'hi' }]);
    stop();
    emit('notices:changed', []);
    expect(seen).toEqual([[{ id: 'a', level: 'info', text: 'hi' }]]);
    expect(() => mailer.on('ipc:raw' as EventName, () => undefined)).toThrow('Unknown event: ipc:raw');
  });
});
