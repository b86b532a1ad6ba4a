import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The request body of Stuut's `POST /v1/emails`, transcribed from the vendor page
 * (stuut.create-email.md): addresses are `string<email>[]`, ids carry their prefixes
 * (sndr_, eml_). The page marks nothing required; an email with no recipient, no sender, or
 * neither a template nor a subject and body cannot be sent, so those are required here.
 * Unknown fields are refused so a misspelt name fails instead of being silently dropped.
 */
const emails = { type: 'array', items: { type: 'string', format: 'email' } } as const;
const text = { type: 'string' } as const;

export const createEmailSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['to', 'email_sender'],
  anyOf: [{ required: ['email_template'] }, { required: ['subject', 'body'] }],
  properties: {
    to: { ...emails, minItems: 1 },
    cc: emails,
    bcc: emails,
    reply_to: emails,
    subject: text,
    body: text,
    email_sender: { type: 'string', pattern: '^sndr_' },
    email_template: { type: 'string', pattern: '^eml_tmpl_' },
    parent_email: { type: 'string', pattern: '^eml_' },
    invoices: { type: 'array', items: { type: 'string', pattern: '^inv_' } },
    partner: { type: 'string', pattern: '^ptn_' },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        reply_all: { type: 'boolean' },
        include_checkout_url: { type: 'boolean' },
        use_llm: { type: 'boolean' },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
addFormats(ajv, ['email']);
export const validateCreateEmail = ajv.compile(createEmailSchema);

/** The first problem, named the way the caller wrote it: "to[0]", "email_sender". */
export function firstProblem(errors: ErrorObject[] | null | undefined): { param: string; message: string } {
  // The branches of the anyOf each report a missing field; the anyOf's own error says it better.
  const error = errors?.find((e) => !e.schemaPath.startsWith('#/anyOf/'));
  if (!error) return { param: 'body', message: 'is invalid' };
  const parts = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
  const param = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || 'body';
  const message =
    error.keyword === 'format'
      ? 'is not a valid email address'
      : error.keyword === 'additionalProperties'
        ? 'is not a recognized parameter'
        : error.keyword === 'anyOf'
          ? 'needs either email_template or both subject and body'
          : (error.message ?? 'is invalid');
  return { param, message };
}
