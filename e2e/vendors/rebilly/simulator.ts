import { randomUUID } from 'node:crypto';
import { startVendorServer } from '../kit/server.js';
import type { RecordedRequest, SimulatorHandler, VendorReply, VendorSimulator } from '../kit/types.js';
import { invalidFields, validateCreateEmailMessage, type InvalidField } from './schema.js';

/**
 * Rebilly, `POST /organizations/{organizationId}/email-messages`: REB-APIKEY, JSON only, the
 * configured organization only, fields checked as the vendor page documents them, RFC 7807
 * problems on every error, and the created message (id, status) on 201. A message created
 * without `status: "outbox"` is stored as a draft, exactly as Rebilly does: it is never sent.
 */

export interface RebillyOptions {
  apiKey?: string;
  organizationId?: string;
  /** The SMTP/ESP credentials the organization has; another credentialHash is a 422. */
  credentialHashes?: string[];
}

const PROBLEMS = 'https://api.rebilly.com/errors';

function problem(status: number, title: string, detail: string, fields?: InvalidField[]): VendorReply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: {
      type: `${PROBLEMS}/${title.toLowerCase().replace(/\s+/g, '-')}`,
      title,
      status,
      detail,
      ...(fields ? { invalidFields: fields } : {}),
    },
  };
}

type CreateBody = {
  from: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  html: string;
  text: string;
  status?: 'outbox' | 'sent' | 'failed' | 'draft';
  credentialHash?: string;
  metadata?: Record<string, string>;
};

/** The adapter percent-encodes the organization id; a malformed escape is simply no match. */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function handle(options: Required<RebillyOptions>, req: RecordedRequest): VendorReply {
  const match = /^\/organizations\/([^/]+)\/email-messages$/.exec(req.path);
  if (!match) return problem(404, 'Not Found', `No route for ${req.method} ${req.path}`);
  if (req.method !== 'POST') return problem(405, 'Method Not Allowed', `${req.method} is not allowed here`);
  if (req.headers['reb-apikey'] !== options.apiKey) {
    return problem(401, 'Unauthorized', 'The REB-APIKEY header is missing or the API key is not valid');
  }
  if (decodePathSegment(match[1] ?? '') !== options.organizationId) {
    return problem(404, 'Not Found', 'Organization not found');
  }
  if (!/^application\/json\b/i.test(req.contentType)) {
    return problem(415, 'Unsupported Media Type', `Content-Type "${req.contentType}" is not supported; use application/json`);
  }
  if (!validateCreateEmailMessage(req.body)) {
    return problem(422, 'Invalid data', 'The request contains invalid fields', invalidFields(validateCreateEmailMessage.errors));
  }

  const body = req.body as CreateBody;
  if (body.credentialHash !== undefined && !options.credentialHashes.includes(body.credentialHash)) {
    return problem(422, 'Invalid data', 'The request contains invalid fields', [
      { field: 'credentialHash', message: 'Email credential not found.' },
    ]);
  }
  const id = randomUUID();
  const now = new Date().toISOString();
  const status = body.status ?? 'draft';
  return {
    status: 201,
    body: {
      id,
      status,
      from: body.from,
      to: body.to,
      cc: body.cc ?? [],
      bcc: body.bcc ?? [],
      subject: body.subject,
      html: body.html,
      text: body.text,
      ...(body.credentialHash ? { credentialHash: body.credentialHash } : {}),
      metadata: body.metadata ?? {},
      attachments: [],
      createdTime: now,
      updatedTime: now,
      _links: [{ rel: 'self', href: `https://api.rebilly.com/organizations/${options.organizationId}/email-messages/${id}` }],
    },
  };
}

export function createRebillyHandler(options: RebillyOptions = {}): SimulatorHandler {
  const opts: Required<RebillyOptions> = {
    apiKey: options.apiKey ?? 'reb_test_key',
    organizationId: options.organizationId ?? 'org_test',
    credentialHashes: options.credentialHashes ?? ['cred_hash_test'],
  };
  return {
    name: 'rebilly',
    parse: 'json',
    handle: (req) => handle(opts, req),
    onInvalidBody: (reason) => problem(400, 'Bad Request', `The request body is not valid JSON: ${reason}`),
    info: { endpoint: `POST /organizations/${opts.organizationId}/email-messages`, apiKey: opts.apiKey, organizationId: opts.organizationId, credentialHashes: opts.credentialHashes.join(', ') },
  };
}

export const rebillyHandler: SimulatorHandler = createRebillyHandler();

export function startRebilly(options: RebillyOptions = {}): Promise<VendorSimulator> {
  return startVendorServer(createRebillyHandler(options));
}
