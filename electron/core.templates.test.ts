import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../shared/message.js';
import type { Template } from '../shared/templates.js';
import type { Core } from './core.js';
import { call, testCore, testWindow } from './core-test-support.js';

let dir = '';
const started: Core[] = [];

function start(): Core {
  const core = testCore(path.join(dir, 'data'));
  started.push(core);
  return core;
}
const stop = (core: Core) => {
  started.splice(started.indexOf(core), 1);
  core.close();
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-templates-core-'));
});
afterEach(async () => {
  for (const core of started.splice(0)) core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('templates through the app’s channels', () => {
  it('a template keeps its file across restarts after the draft let it go, until the template is deleted for good', async () => {
    let core = start();
    await core.ready;
    const file = await call<AttachmentRef>(core, 'attachments:import', { filename: 'terms.txt', mimeType: 'text/plain', dataBase64: Buffer.from('our terms').toString('base64') });
    const saved = await call<Template>(core, 'templates:save', {
      kind: 'template',
      name: 'Terms',
      accountId: null,
      subject: 'Our terms, {{first_name}}',
      html: '<p>Hello {{first_name}}</p>',
      cc: [],
      bcc: [],
      attachments: [file],
    });
    // The composer removes the file from its message: the template still names it.
    await call(core, 'attachments:discard', { tokens: [file.token] });
    stop(core);

    core = start();
    await core.ready;
    expect(await call<Template[]>(core, 'templates:list')).toEqual([saved]);
    expect((await core.attachments.open(file.token)).filename).toBe('terms.txt');
    await call(core, 'templates:delete', { id: saved.id });
    stop(core);

    core = start();
    await core.ready;
    expect(await call<Template[]>(core, 'templates:list')).toEqual([]);
    await expect(core.attachments.open(file.token)).rejects.toThrow(/no longer stored/);
  });

  it('answers a name already used as a conflict the window can show, not an error', async () => {
    const core = start();
    const input = { kind: 'snippet', name: 'Sign-off', accountId: 'acct-1', subject: '', html: '<p>Best</p>', cc: [], bcc: [], attachments: [] };
    await call(core, 'templates:save', input);
    const again = await core.dispatch('templates:save', { ...input, name: 'sign-off' }, testWindow);
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining('“sign-off”') } });
    const empty = await core.dispatch('templates:save', { ...input, name: ' ' }, testWindow);
    expect(empty).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });
});
