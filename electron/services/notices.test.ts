import { describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus.js';
import { createNoticeBoard } from './notices.js';

describe('notice board', () => {
  it('announces every change to subscribers and forgets dismissed notices', () => {
    const bus = createEventBus();
    const board = createNoticeBoard(bus);
    const announced: unknown[] = [];
    bus.subscribe((event, payload) => announced.push([event, payload]));
    board.post({ id: 'k', level: 'warning', text: 'No keychain.' });
    expect(board.dismiss('k')).toEqual([]);
    board.dismiss('k');
    expect(announced).toEqual([
      ['notices:changed', [{ id: 'k', level: 'warning', text: 'No keychain.' }]],
      ['notices:changed', []],
    ]);
  });

  it('refuses to emit a payload the contract does not describe', () => {
    const bus = createEventBus();
    expect(() => bus.emit('notices:changed', [{ id: '', level: 'info', text: 'x' }])).toThrow();
  });
});
