import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../shared/ipc.js';
import { openConfSettingsFile } from '../services/settings/conf-file.js';
import { SETTINGS_FORMAT_VERSION } from '../services/settings/migrations.js';
import { openSettingsStore, SETTINGS_FILE } from '../services/settings/settings-store.js';
import { openElectronSettingsFile } from './settings-file.js';

const electron = vi.hoisted(() => ({ loaded: false }));
// Outside Electron's main process electron-store finds no app or ipcMain, and needs the absolute folder it is given.
vi.mock('electron', () => {
  electron.loaded = true;
  return { default: {} };
});

let dir = '';
const notices: Notice[] = [];
const board = { post: (notice: Notice) => void notices.push(notice) };
const account = {
  id: 'a1',
  label: 'Work',
  from: { name: 'Ann', email: 'ann@example.com' },
  settings: { provider: 'sandbox' as const, timeoutMs: 30_000 },
  signatureHtml: '<p>Ann</p>',
  createdAt: '2025-01-01T00:00:00.000Z',
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-electron-settings-'));
  notices.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the settings file in the app (electron-store)', () => {
  it('writes the same settings.json, at the same format version, that conf writes in the harness', async () => {
    const store = openSettingsStore({ dir, notices: board, openFile: openElectronSettingsFile });
    store.write({ accounts: [account], defaultAccountId: 'a1' });
    expect(electron.loaded).toBe(true);
    expect(store.path).toBe(path.join(dir, SETTINGS_FILE));
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
    const onDisk = JSON.parse(await readFile(store.path, 'utf8'));
    expect(onDisk).toMatchObject({ accounts: [account], defaultAccountId: 'a1', __internal__: { migrations: { version: SETTINGS_FORMAT_VERSION } } });
    // A data folder moves between the app and the harness without a conversion.
    expect(openSettingsStore({ dir, notices: board, openFile: openConfSettingsFile }).read().accounts).toEqual([account]);
    expect(notices).toEqual([]);
  });

  it('keeps a damaged file aside and starts empty, as with conf', async () => {
    const first = openSettingsStore({ dir, notices: board, openFile: openElectronSettingsFile });
    first.write({ accounts: [account] });
    await writeFile(first.path, '{"accounts": [{"id": 7}]');
    const reopened = openSettingsStore({ dir, notices: board, openFile: openElectronSettingsFile, now: () => new Date('2025-03-04T05:06:07.000Z') });
    expect(reopened.read().accounts).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['settings.damaged-2025-03-04T05-06-07-000Z.json', SETTINGS_FILE]);
    expect(notices.map((n) => n.id)).toEqual(['settings-repaired']);
  });
});
