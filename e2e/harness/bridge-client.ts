import { buildMailer } from '../../shared/mailer.js';
import type { ChannelName, EventName } from '../../shared/ipc.js';

/**
 * The browser harness's stand-in for the preload: the same `window.mailer`, built from the
 * same contract, speaking to the harness process over a WebSocket instead of Electron IPC.
 */
interface Pending {
  resolve(value: unknown): void;
}

const token = new URLSearchParams(window.location.search).get('token') ?? '';
const socket = new WebSocket(`ws://${window.location.host}/bridge?token=${encodeURIComponent(token)}`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('The harness bridge refused the connection.')), { once: true });
});
const pending = new Map<number, Pending>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as { id?: number; result?: unknown; event?: EventName; payload?: unknown };
  if (typeof data.id === 'number') {
    pending.get(data.id)?.resolve(data.result);
    pending.delete(data.id);
  } else if (data.event) {
    for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
  }
});

socket.addEventListener('close', () => {
  for (const [id, call] of pending) {
    call.resolve({ ok: false, error: { kind: 'internal', message: 'The connection to the harness closed. Restart it and reload.' } });
    pending.delete(id);
  }
});

async function invoke(channel: ChannelName, input: unknown): Promise<unknown> {
  try {
    await opened;
  } catch (error) {
    return { ok: false, error: { kind: 'internal', message: (error as Error).message } };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    socket.send(JSON.stringify({ id, channel, input }));
  });
}

Object.defineProperty(window, 'mailer', {
  value: buildMailer({
    invoke,
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  }),
  writable: false,
  configurable: false,
});
