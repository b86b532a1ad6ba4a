import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../shared/capabilities.js';
import { preflight } from './preflight.js';
import { ServiceError } from '../../shared/service-error.js';
import type { OutgoingMessage, SendFailure } from '../../shared/outgoing.js';
import type { Provider } from './types.js';
import { wrapFile } from '../services/attachments/test-support.js';

const none: Capabilities = { cc: false, bcc: false, textPart: false, localAttachments: false, maxAttachmentBytes: 0, replyTo: false, threading: false, idempotency: 'none', displayNames: false, customFrom: false };
const all: Capabilities = { cc: true, bcc: true, textPart: true, localAttachments: true, maxAttachmentBytes: 1000, replyTo: true, threading: true, idempotency: 'guaranteed', displayNames: true, customFrom: true };

function provider(capabilities: Capabilities): Provider {
  return { id: 'rollout', displayName: 'Rollout', capabilities, send: () => Promise.reject(new Error('not used')) };
}

function message(extra: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    from: { name: 'Me', email: 'me@example.com' },
    to: [{ email: 'ann@example.com' }],
    cc: [],
    bcc: [],
    subject: 'Hello',
    html: '<p>Hi</p>',
    text: 'Hi',
    attachments: [],
    idempotencyKey: '7f0b7a4e-8a43-4c8e-9f11-0d7b0f4b6b2a',
    ...extra,
  };
}

function failureOf(run: () => void): SendFailure {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return (error as ServiceError<SendFailure>).failure;
  }
  throw new Error('expected preflight to throw');
}

describe('preflight', () => {
  it('accepts a plain message, and a reply even without threading support', () => {
    expect(() => preflight(provider(none), message())).not.toThrow();
    expect(() => preflight(provider(none), message({ inReplyTo: { remoteId: 'r1', remoteThreadId: 't1' } }))).not.toThrow();
  });

  it('refuses Bcc the provider cannot send, naming provider and field', () => {
    const f = failureOf(() => preflight(provider(none), message({ bcc: [{ email: 'b@example.com' }] })));
    expect(f).toEqual({
      kind: 'unsupported',
      message: 'Rollout cannot send Bcc recipients. Remove them or choose another account.',
      fields: [{ field: 'bcc', message: 'Rollout cannot send Bcc recipients. Remove them or choose another account.' }],
    });
  });

  it('lists every unsupported field at once', () => {
    const f = failureOf(() =>
      preflight(
        provider(none),
        message({
          cc: [{ email: 'c@example.com' }],
          replyTo: { email: 'r@example.com' },
          attachments: [wrapFile('/x/a.pdf', 'a.pdf', 10, 'application/pdf')],
        }),
      ),
    );
    expect(f.kind).toBe('unsupported');
    expect(f.fields?.map((x) => x.field)).toEqual(['cc', 'replyTo', 'attachments']);
  });

  it('refuses attachments over the provider total', () => {
    const attachment = wrapFile('/x/a.bin', 'a.bin', 600, 'application/octet-stream');
    expect(() => preflight(provider(all), message({ attachments: [attachment] }))).not.toThrow();
    const f = failureOf(() => preflight(provider(all), message({ attachments: [attachment, attachment] })));
    expect(f.kind).toBe('unsupported');
    expect(f.message).toMatch(/at most 1000 bytes of attachments; these add up to 1.2 KB/);
  });

  it('requires a To recipient', () => {
    const f = failureOf(() => preflight(provider(all), message({ to: [] })));
    expect(f).toMatchObject({ kind: 'validation', fields: [{ field: 'to', message: 'Add at least one recipient in To.' }] });
  });

  it('rejects invalid addresses in every field, naming each', () => {
    const f = failureOf(() =>
      preflight(provider(all), message({ to: [{ email: 'bob@' }], cc: [{ email: 'x y@example.com' }], bcc: [{ email: 'ok@example.com' }], replyTo: { email: 'nope' } })),
    );
    expect(f.kind).toBe('validation');
    expect(f.fields).toEqual([
      { field: 'to', message: 'To: "bob@" is not a valid email address.' },
      { field: 'cc', message: 'Cc: "x y@example.com" is not a valid email address.' },
      { field: 'replyTo', message: 'Reply-To: "nope" is not a valid email address.' },
    ]);
  });

  it('rejects header injection through names and subject', () => {
    const f = failureOf(() => preflight(provider(all), message({ to: [{ name: 'Ann\r\nBcc: x@evil.io', email: 'ann@example.com' }], subject: 'Hi\nBcc: y@evil.io' })));
    expect(f.fields?.map((x) => x.field)).toEqual(['to', 'subject']);
  });

  it('limits the subject to 998 characters', () => {
    expect(() => preflight(provider(all), message({ subject: 'x'.repeat(998) }))).not.toThrow();
    const f = failureOf(() => preflight(provider(all), message({ subject: 'x'.repeat(999) })));
    expect(f).toMatchObject({ kind: 'validation', fields: [{ field: 'subject' }] });
    expect(f.message).toMatch(/999 characters long; the limit is 998/);
  });

  it('reports unsupported before validation', () => {
    expect(failureOf(() => preflight(provider(none), message({ to: [], bcc: [{ email: 'b@example.com' }] }))).kind).toBe('unsupported');
  });
});
