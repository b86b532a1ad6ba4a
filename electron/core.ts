import path from 'node:path';
import type { AppInfo } from '../shared/ipc.js';
import { createDispatcher, type Dispatch, type HandlerTable } from './ipc/dispatcher.js';
import { createSenderCheck } from './ipc/sender.js';
import { createProviderRegistry } from './providers/registry.js';
import { createEventBus, type EventBus } from './services/event-bus.js';
import { createNoticeBoard, type NoticeBoard } from './services/notices.js';

export interface CoreOptions {
  info: AppInfo;
  /** Origins the app's own window is served from (app://bundle, the harness URL, the dev server). */
  trustedOrigins: readonly string[];
  logError?: (channel: string, error: unknown) => void;
}

export interface Core {
  dispatch: Dispatch;
  bus: EventBus;
  notices: NoticeBoard;
}

/**
 * The services and the handler table, wired once; Electron's main process and the browser
 * harness both start exactly this, so the harness exercises the same code the app runs.
 */
export function createCore(options: CoreOptions): Core {
  const bus = createEventBus();
  const notices = createNoticeBoard(bus);
  const providers = createProviderRegistry({ sandboxRecordFile: path.join(options.info.dataDir, 'sandbox-outbox.jsonl') });
  const handlers: HandlerTable = {
    'app:info': () => options.info,
    'providers:list': () =>
      Object.values(providers).map(({ id, displayName, capabilities }) => ({ id, displayName, capabilities })),
    'notices:list': () => notices.list(),
    'notices:dismiss': ({ id }) => notices.dismiss(id),
  };
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    ...(options.logError ? { onUnexpectedError: options.logError } : {}),
  });
  return { dispatch, bus, notices };
}
