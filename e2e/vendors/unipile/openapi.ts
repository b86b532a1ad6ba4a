import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Unipile's own OpenAPI definition (openapi.json, copied verbatim from the vendor page, see
 * README.md) turned into validators: the simulator judges requests by the vendor's schema,
 * not by our reading of it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function at(doc: Json, path: string[]): Json {
  let node: Json | undefined = doc;
  for (const key of path) {
    node = node !== null && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`Unipile OpenAPI: nothing at ${path.join(' > ')}`);
  }
  return node;
}

const document = JSON.parse(readFileSync(new URL('./openapi.json', import.meta.url), 'utf8')) as Json;
const operation = ['paths', '/api/v1/emails', 'post'];

// strict: false because the document carries OpenAPI-only keywords Ajv does not know;
// ajv-formats supplies `binary` (any string), which the attachments items declare.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

/** The multipart request, once its JSON-encoded fields are decoded (see simulator.ts). */
export const validateSendEmailRequest: ValidateFunction = ajv.compile(
  at(document, [...operation, 'requestBody', 'content', 'multipart/form-data', 'schema']) as object,
);

/** The 201 schema: lets the tests prove the simulator answers in the vendor's documented shape. */
export const validateSendEmailResponse: ValidateFunction = ajv.compile(
  at(document, [...operation, 'responses', '201', 'content', 'application/json', 'schema']) as object,
);

const emailFormat = ajv.compile({ type: 'string', format: 'email' });

/**
 * Whether an attendee's `identifier` is an email address. The vendor's definition says only
 * "the email address of the attendee", so the check is JSON Schema's own `email` format (through
 * ajv-formats), not the adapter's address parser: a simulator must not reuse what it tests.
 */
export function isEmailAddress(value: string): boolean {
  return emailFormat(value);
}

/** The documented error types of one status, e.g. 422 → ['errors/invalid_account', …]. */
export function documentedErrorTypes(status: number): string[] {
  const schema = at(document, [...operation, 'responses', String(status), 'content', 'application/json', 'schema']);
  const types = at(schema, ['properties', 'type', 'enum']);
  return Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : [];
}

/** Ajv's errors as one readable line, e.g. "to/0 must have required property 'identifier'". */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath ? e.instancePath.slice(1) : 'request'} ${e.message ?? 'is invalid'}`).join('; ');
}
