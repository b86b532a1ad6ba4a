import { createHash } from 'node:crypto';
import type { Capabilities } from '../../../shared/capabilities.js';
import type { PreviewBody, RequestPreview } from '../../../shared/preview.js';
import type { OutgoingMessage } from '../../../shared/outgoing.js';
import { describeJsonFiles as describeStreamedFiles, isJsonFilesBody, type JsonFilesBody } from '../../providers/json-files-body.js';
import type { VendorPost } from '../../providers/vendor-post.js';

/** What the header shows instead of a secret. */
export const MASK = '••••••••';

function masked(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join(MASK);
  return out;
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** base64 file contents in a JSON body become a line naming the file; nothing else changes. */
function describeJsonFiles(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(describeJsonFiles);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'content_base64' && typeof inner === 'string') {
      const bytes = Buffer.from(inner, 'base64');
      out[key] = `[file: ${bytes.length} bytes, sha256 ${sha256(bytes)}]`;
    } else out[key] = describeJsonFiles(inner);
  }
  return out;
}

async function describeBody(body: string | FormData | JsonFilesBody, secrets: readonly string[]): Promise<PreviewBody> {
  if (isJsonFilesBody(body)) {
    // The files are already named in place of their base64 (read and hashed from disk, never held).
    const text = await describeStreamedFiles(body);
    return { kind: 'json', text: masked(JSON.stringify(JSON.parse(text), null, 2), secrets) };
  }
  if (typeof body === 'string') {
    let text = body;
    try {
      text = JSON.stringify(describeJsonFiles(JSON.parse(text)), null, 2);
    } catch {
      // Not JSON: shown as it is.
    }
    return { kind: 'json', text: masked(text, secrets) };
  }
  const parts: Extract<PreviewBody, { kind: 'multipart' }>['parts'] = [];
  for (const [name, value] of body.entries()) {
    if (typeof value === 'string') parts.push({ name, value: masked(value, secrets) });
    else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      parts.push({ name, file: { filename: value.name, size: bytes.length, sha256: sha256(bytes) } });
    }
  }
  return { kind: 'multipart', parts };
}

/** What the message holds that this vendor cannot carry, each with why. */
export function droppedFields(vendor: string, capabilities: Capabilities, message: OutgoingMessage): RequestPreview['dropped'] {
  const dropped: RequestPreview['dropped'] = [];
  if (message.cc.length > 0 && !capabilities.cc) dropped.push({ field: 'Cc', reason: `${vendor} has no Cc field: ${message.cc.map((a) => a.email).join(', ')} would not get it.` });
  if (message.bcc.length > 0 && !capabilities.bcc) dropped.push({ field: 'Bcc', reason: `${vendor} has no Bcc field: ${message.bcc.map((a) => a.email).join(', ')} would not get it.` });
  const named = [...message.to, ...message.cc, ...message.bcc].some((a) => a.name);
  if (named && !capabilities.displayNames) dropped.push({ field: 'Display names', reason: `${vendor} takes addresses only; the names are left out.` });
  if (message.attachments.length > 0 && !capabilities.localAttachments) dropped.push({ field: 'Attachments', reason: `${vendor} takes no files from this computer.` });
  if (!capabilities.textPart && message.text.trim() !== '') dropped.push({ field: 'Plain-text part', reason: `${vendor} sends the HTML only; the generated text version is not sent.` });
  if (message.replyTo && !capabilities.replyTo) dropped.push({ field: 'Reply-To', reason: `${vendor} has no Reply-To field.` });
  return dropped;
}

/**
 * The request an adapter built for this message (its dry run), made safe to show: every
 * secret masked wherever it appears, files as name, size and hash.
 */
export async function describeRequest(
  request: VendorPost & { method?: string },
  secrets: readonly string[],
  dropped: RequestPreview['dropped'],
): Promise<RequestPreview> {
  return {
    method: request.method ?? 'POST',
    url: masked(request.url, secrets),
    headers: Object.entries(request.headers).map(([name, value]) => ({ name, value: masked(value, secrets), masked: value !== masked(value, secrets) })),
    body: await describeBody(request.body ?? '', secrets),
    dropped,
  };
}
