import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/**
 * Rollout's own OpenAPI definition (openapi.yaml, copied verbatim from the vendor page) turned
 * into validators, so the simulator judges requests by the vendor's schema, not by our reading.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * OpenAPI 3.0 `nullable` is not JSON Schema. Ajv understands it only next to `type`, but the
 * vendor's generator writes `{ anyOf: [{ type: string }], nullable: true }`; the intent (and what
 * the vendor's server accepts) is "a string or null", so null joins the anyOf. Mechanical, on the
 * loaded document: the schema itself is never retyped by hand.
 */
export function openApi30ToJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(openApi30ToJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) out[key] = openApi30ToJsonSchema(value);
  if (out.nullable === true && out.type === undefined && Array.isArray(out.anyOf)) {
    out.anyOf = [...out.anyOf, { type: 'null' }];
    delete out.nullable;
  }
  return out;
}

function child(node: Json | undefined, key: string): Json | undefined {
  if (node === null || node === undefined || typeof node !== 'object' || Array.isArray(node)) return undefined;
  return node[key];
}

function at(doc: Json, path: string[]): Json {
  let node: Json | undefined = doc;
  for (const key of path) node = child(node, key);
  if (node === undefined) throw new Error(`Rollout OpenAPI: nothing at ${path.join(' > ')}`);
  return node;
}

const document = parse(readFileSync(new URL('./openapi.yaml', import.meta.url), 'utf8')) as Json;
const operation = ['paths', '/emailMessages', 'post'];

// strict: false because the document carries OpenAPI-only keywords Ajv does not know.
const ajv = new Ajv({ strict: false, allErrors: true });

export const validateCreateEmailRequest: ValidateFunction = ajv.compile(
  openApi30ToJsonSchema(at(document, [...operation, 'requestBody', 'content', 'application/json', 'schema'])) as object,
);

/** The 201 schema: lets the tests prove the simulator answers in the vendor's documented shape. */
export const validateCreateEmailResponse: ValidateFunction = ajv.compile(
  openApi30ToJsonSchema(at(document, [...operation, 'responses', '201', 'content', 'application/json', 'schema'])) as object,
);

/** Ajv's errors as one readable line, e.g. "body must have required property 'sender'". */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath ? `body${e.instancePath.replace(/\//g, '.')}` : 'body'} ${e.message ?? 'is invalid'}`)
    .join('; ');
}
