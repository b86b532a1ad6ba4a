import { events, type EventName, type EventPayload } from '../../shared/ipc.js';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Events from main to every window; Electron and the harness each subscribe one forwarder. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      // Validate on the way out so a window never receives a payload the contract does not describe.
      const checked = events[event].parse(payload);
      for (const listener of listeners) listener(event, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
