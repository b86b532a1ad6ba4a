import type { MailerApi } from './ipc.js';
import { CHANNEL_NAMES, isEventName, type ChannelName, type EventName } from './ipc-names.js';

/** How a `window.mailer` reaches main: IPC in Electron, a WebSocket in the browser harness. */
export interface MailerTransport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.mailer` from the contract's channel list (names only, no schemas): one function per channel and
 * nothing else, so no caller can reach a channel the contract does not name.
 */
export function buildMailer(transport: MailerTransport): MailerApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input?: unknown) => transport.invoke(channel, input);
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    // The check matters in the preload: the page could pass any string here.
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('on() needs a listener function');
    return transport.subscribe(event, listener);
  };
  return Object.freeze({ ...api, on }) as unknown as MailerApi;
}
