import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The request body of Rebilly's `POST /organizations/{organizationId}/email-messages`,
 * transcribed field by field from the vendor page (rebilly.email-messages.md): the project
 * received no machine-readable definition for it. Unknown fields are refused so a misspelt
 * field name (`htmlBody`, `recipients`) fails here instead of being silently ignored.
 */
const email = { type: 'string', format: 'email' } as const;
const emails = { type: 'array', items: email } as const;
const text = { type: 'string' } as const;

export const createEmailMessageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'subject', 'html', 'text'],
  properties: {
    // Read-only on the vendor's side, accepted and ignored.
    id: text,
    createdTime: text,
    updatedTime: text,
    _links: { type: 'array', items: { type: 'object', properties: { href: text, rel: { type: 'string', enum: ['self'] } } } },
    responseCode: { type: 'integer' },
    responseBody: text,
    credentialHash: text,
    sentTime: text,
    initiatedTime: text,
    metadata: { type: 'object', additionalProperties: text },
    status: { type: 'string', enum: ['outbox', 'sent', 'failed', 'draft'] },
    subject: { type: 'string', minLength: 1, maxLength: 998 },
    from: email,
    to: { ...emails, minItems: 1 },
    cc: emails,
    bcc: emails,
    html: text,
    text,
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['resourceId', 'resourceType'],
        properties: { resourceId: text, resourceType: text },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
addFormats(ajv, ['email']);
export const validateCreateEmailMessage = ajv.compile(createEmailMessageSchema);

export interface InvalidField {
  field: string;
  message: string;
}

/** "/to/0" → "to[0]": the bracketed form Rebilly's problems use for list items. */
function fieldName(error: ErrorObject): string {
  const parts = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || 'body';
}

function reason(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'This value is required.';
    case 'additionalProperties':
      return 'This field is not recognized.';
    case 'format':
      return 'This value is not a valid email address.';
    case 'maxLength':
      return `This value is too long. It should have ${String(error.params.limit)} characters or less.`;
    case 'minItems':
      return 'This collection should contain at least one element.';
    default:
      return `This value ${error.message ?? 'is invalid'}.`;
  }
}

export function invalidFields(errors: ErrorObject[] | null | undefined): InvalidField[] {
  return (errors ?? []).map((e) => ({ field: fieldName(e), message: reason(e) }));
}
