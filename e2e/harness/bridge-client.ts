import { buildMailer } from '../../shared/mailer.js';
import type { ChannelName, EventName } from '../../shared/ipc.js';
import type { Failure } from '../../shared/result.js';
import { chooseFiles, uploadFiles, type UploadReply } from './browser-pick.js';

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
const uploadWaiters = new Map<number, (reply: UploadReply) => void>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let nextId = 1;

const closedFailure: Failure = { kind: 'internal', message: 'The connection to the harness closed. Restart it and reload.' };

socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as { id?: number; result?: unknown; event?: EventName; payload?: unknown; upload?: number };
  if (typeof data.id === 'number') {
    pending.get(data.id)?.resolve(data.result);
    pending.delete(data.id);
  } else if (typeof data.upload === 'number') {
    uploadWaiters.get(data.upload)?.(data as UploadReply);
    uploadWaiters.delete(data.upload);
  } else if (data.event) {
    emit(data.event, data.payload);
  }
});

function emit(event: EventName, payload: unknown): void {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

socket.addEventListener('close', () => {
  for (const [id, call] of pending) {
    call.resolve({ ok: false, error: closedFailure });
    pending.delete(id);
  }
  for (const [id, waiter] of uploadWaiters) {
    waiter({ error: closedFailure });
    uploadWaiters.delete(id);
  }
});

async function request(message: { channel: ChannelName; input: unknown; uploads?: number[] }): Promise<unknown> {
  try {
    await opened;
  } catch (error) {
    return { ok: false, error: { kind: 'internal', message: (error as Error).message } };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    socket.send(JSON.stringify({ id, ...message }));
  });
}

/**
 * The harness has no native dialog: "Attach files" opens the browser's own file picker and
 * sends the chosen files up first; main then attaches them as it attaches a dialog's files.
 */
async function pickInBrowser(): Promise<unknown> {
  const files = await chooseFiles();
  // A cancel, as the dialog's: nothing chosen, nothing attached.
  if (files.length === 0) return { ok: true, value: [] };
  try {
    await opened;
  } catch (error) {
    return { ok: false, error: { kind: 'internal', message: (error as Error).message } };
  }
  const sent = await uploadFiles(
    {
      send: (frame) => socket.send(frame),
      reply: (upload) => new Promise((resolve) => uploadWaiters.set(upload, resolve)),
      // Said by the harness itself: the bytes' arrival is acknowledged here, so the page needs no extra message.
      progress: (payload) => emit('attachments:progress', payload),
    },
    files,
  );
  if ('error' in sent) return { ok: false, error: sent.error };
  return request({ channel: 'attachments:pick', input: undefined, uploads: sent.ids });
}

function invoke(channel: ChannelName, input: unknown): Promise<unknown> {
  return channel === 'attachments:pick' ? pickInBrowser() : request({ channel, input });
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
