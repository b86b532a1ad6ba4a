import { describe, expect, it } from 'vitest';
import { initialAppState, withInfo, withLoadError, withNotices, withView } from './store.js';

describe('app store updates', () => {
  it('keeps the last good info and clears an old error when info arrives', () => {
    const failed = withLoadError(initialAppState, { kind: 'internal', message: 'Bridge closed.' });
    expect(failed.loadError).toBe('Bridge closed.');
    const info = { name: 'Composer', version: '1.0.0', dataDir: '/d', platform: 'linux', runtime: 'electron' as const };
    expect(withInfo(failed, info)).toEqual({ info, loadError: null, notices: [], view: 'compose', findRequests: 0, writeAsked: 0 });
  });

  it('replaces notices wholesale, as main announces them', () => {
    const one = withNotices(initialAppState, [{ id: 'a', level: 'info', text: 'A' }]);
    expect(withNotices(one, []).notices).toEqual([]);
  });

  it('switches the main area between screens and keeps everything else', () => {
    const withNotice = withNotices(initialAppState, [{ id: 'a', level: 'info', text: 'A' }]);
    expect(withView(withNotice, 'accounts')).toEqual({ ...withNotice, view: 'accounts' });
  });
});
