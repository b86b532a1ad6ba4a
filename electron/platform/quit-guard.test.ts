import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { noPendingWork, type PendingWork } from '../desktop/quit-guard.js';

// Only Electron's app, dialog and window list are faked.
const fake = vi.hoisted(() => ({
  app: null as unknown as EventEmitter & { quitCalls: number },
  answer: 0,
  questions: [] as Array<{ message: string; buttons: string[]; cancelId: number }>,
  windows: [] as unknown[],
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), { quitCalls: 0 });
  Object.assign(app, {
    quit: () => {
      app.quitCalls++;
    },
  });
  fake.app = app;
  return {
    app,
    BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => fake.windows },
    dialog: {
      // (window, options) or (options): the question is always the last argument.
      showMessageBox: async (...args: unknown[]) => {
        fake.questions.push(args.at(-1) as (typeof fake.questions)[number]);
        return { response: fake.answer };
      },
    },
  };
});

const { installQuitGuard } = await import('./quit-guard.js');

const pending: PendingWork = {
  counts: () => ({ undoWindowCount: 1, inFlightCount: 0 }),
};

function quitOnce(): { prevented: boolean } {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  fake.app.emit('before-quit', event);
  return event;
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

beforeEach(() => {
  fake.app.removeAllListeners();
  fake.app.quitCalls = 0;
  fake.questions = [];
  fake.windows = [{}];
});

describe('quit guard in Electron', () => {
  it('with nothing pending quits without asking (the second before-quit goes through)', async () => {
    installQuitGuard(() => noPendingWork, () => undefined);
    expect(quitOnce().prevented).toBe(true);
    await settle();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.questions).toEqual([]);
    expect(quitOnce().prevented).toBe(false);
  });

  it('asks when a message waits to send; Keep open is the default and cancel answer, and keeps the app running', async () => {
    fake.answer = 0;
    installQuitGuard(() => pending, () => undefined);
    quitOnce();
    // A second Cmd+Q while the question is open does not ask twice.
    quitOnce();
    await settle();
    expect(fake.questions).toHaveLength(1);
    expect(fake.questions[0]).toMatchObject({ message: 'Quit while messages are still being sent?', buttons: ['Keep Composer Open', 'Quit Anyway'], cancelId: 0 });
    expect(fake.app.quitCalls).toBe(0);
  });

  it('quits when the person says so', async () => {
    fake.answer = 1;
    installQuitGuard(() => pending, () => undefined);
    quitOnce();
    await settle();
    expect(fake.app.quitCalls).toBe(1);
  });

  it('reopens a window when the person stays after closing the last one', async () => {
    fake.answer = 0;
    fake.windows = [];
    let reopened = 0;
    installQuitGuard(() => pending, () => reopened++);
    quitOnce();
    await settle();
    expect(reopened).toBe(1);
  });
});
