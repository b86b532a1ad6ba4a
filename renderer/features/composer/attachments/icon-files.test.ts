import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../../shared/capabilities.js';
import { attachRefusal } from './attach-refusal.js';
import { initialComposerState, withIconFiles } from '../store.js';

const ref = (token: string, filename: string) => ({ token: token.padEnd(24, 'x'), filename, mimeType: 'text/plain', size: 3 });
const capabilities: Capabilities = { cc: true, bcc: true, textPart: true, localAttachments: true, maxAttachmentBytes: 1000, replyTo: true, threading: false, idempotency: 'none', displayNames: true, customFrom: true };

describe('attachRefusal', () => {
  it('says which provider takes no files, and nothing when it does or no account is chosen', () => {
    expect(attachRefusal({ displayName: 'Rollout', capabilities: { ...capabilities, localAttachments: false } })).toBe('Rollout cannot send attached files.');
    expect(attachRefusal({ displayName: 'Sandbox', capabilities })).toBeNull();
    expect(attachRefusal(null)).toBeNull();
  });
});

describe('withIconFiles', () => {
  it('adds the dropped files after the ones already attached, once each', () => {
    const before = { ...initialComposerState, attachments: [ref('a', 'a.txt')] };
    const next = withIconFiles(before, { attachments: [ref('a', 'a.txt'), ref('b', 'b.txt')] }, null);
    expect(next.attachments.map((a) => a.filename)).toEqual(['a.txt', 'b.txt']);
    expect(next.remark).toBeNull();
  });

  it('shows main’s notice about the files it left out', () => {
    const next = withIconFiles(initialComposerState, { attachments: [ref('b', 'b.txt')], notice: '"gone.txt" could not be read.' }, null);
    expect(next.attachments).toHaveLength(1);
    expect(next.remark).toBe('"gone.txt" could not be read.');
  });

  it('attaches nothing when the provider takes no files, and says so as the composer does', () => {
    const next = withIconFiles(initialComposerState, { attachments: [ref('b', 'b.txt')] }, 'Rollout cannot send attached files.');
    expect(next.attachments).toEqual([]);
    expect(next.remark).toBe('Rollout cannot send attached files. Choose another account to attach files.');
  });
});
