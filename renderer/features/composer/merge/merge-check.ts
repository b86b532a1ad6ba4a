import type { FieldProblem } from '../../../../shared/capability-check.js';
import { findMergeFields, fillTemplate, missingFieldsSentence, recipientValues, type MergeValues } from '../../../../shared/merge-fields.js';
import { parseMergeTable, type MergeTable } from '../../../../shared/merge-table.js';
import type { Address } from '../../../../shared/address.js';
import type { SubmitMessage } from '../../../../shared/message.js';
import type { RecipientLists } from '../recipients/recipients.js';

/** A merge field the body holds: its name and whether it has a fallback. */
export interface BodyField {
  name: string;
  hasFallback: boolean;
}

export function bodyFieldsOf(text: string): BodyField[] {
  return findMergeFields(text).map((f) => ({ name: f.name, hasFallback: f.fallback !== undefined }));
}

export interface MergeFacts {
  subject: string;
  bodyFields: readonly BodyField[];
  lists: RecipientLists;
  mergeTable: string;
  /** Send individually: one message per To recipient, each filled with its own values. */
  individually: boolean;
}

export interface MergeCheck {
  /** Why Send is blocked by merge fields; empty when they are all filled. */
  blockers: FieldProblem[];
  /** Fields without a value for some To recipient and without a fallback: marked in the body. */
  missing: ReadonlySet<string>;
  /** The pasted table's problem, or null. */
  tableError: string | null;
  /** The parsed table (null when none or unreadable). */
  table: MergeTable | null;
  /** True when the subject or body has any merge field. */
  hasFields: boolean;
}

/** Reads the pasted table; '' is no table. */
export function readTable(pasted: string): { table: MergeTable | null; error: string | null } {
  if (pasted.trim() === '') return { table: null, error: null };
  const parsed = parseMergeTable(pasted);
  return parsed.ok ? { table: parsed.table, error: null } : { table: null, error: parsed.error };
}

/**
 * What merge fields stand in the way of Send: for each To recipient, the fields with no
 * value (from the address or the pasted table) and no fallback — named, like HubSpot's
 * missing-token marker, so the person knows which column or fallback to add.
 */
export function checkMerge(facts: MergeFacts): MergeCheck {
  const { table, error } = readTable(facts.mergeTable);
  const subjectFields = bodyFieldsOf(facts.subject);
  const fields = [...subjectFields, ...facts.bodyFields].filter((f) => !f.hasFallback);
  const hasFields = subjectFields.length + facts.bodyFields.length > 0;
  const missing = new Set<string>();
  const blockers: FieldProblem[] = [];
  if (error && hasFields) blockers.push({ field: 'merge', message: error });
  const recipients = facts.lists.to.flatMap((chip) => (chip.address ? [chip.address] : []));
  // Without a recipient yet, the fields are checked against nothing: all unfilled ones show.
  const valuesList: Array<[string, MergeValues]> =
    recipients.length > 0 ? recipients.map((r) => [r.email, recipientValues(r, table ?? undefined)]) : [['', {}]];
  let firstBlocked: { who: string; names: string[] } | null = null;
  for (const [who, values] of valuesList) {
    const names = [...new Set(fields.filter((f) => !hasValue(values, f.name)).map((f) => f.name))];
    for (const name of names) missing.add(name);
    if (names.length > 0 && firstBlocked === null) firstBlocked = { who, names };
  }
  if (hasFields && recipients.length > 1 && !facts.individually) {
    blockers.push({ field: 'merge', message: `Merge fields are filled per recipient, and To has ${recipients.length}: choose Send individually, or keep one address in To.` });
  }
  if (firstBlocked && recipients.length > 0) {
    const others = valuesList.length > 1 ? countOthers(valuesList, fields, firstBlocked.who) : 0;
    const sentence = missingFieldsSentence(firstBlocked.names, others > 0 ? `${firstBlocked.who} (and ${others} more)` : firstBlocked.who);
    if (sentence) blockers.push({ field: 'merge', message: sentence });
  }
  return { blockers, missing, tableError: error, table, hasFields };
}

function hasValue(values: MergeValues, name: string): boolean {
  return Object.hasOwn(values, name) && (values[name] ?? '').trim() !== '';
}

function countOthers(valuesList: Array<[string, MergeValues]>, fields: BodyField[], first: string): number {
  return valuesList.filter(([who, values]) => who !== first && fields.some((f) => !hasValue(values, f.name))).length;
}

/** The message filled with one recipient's values: subject, HTML and text. */
export function personalize(message: SubmitMessage, recipient: Address, table: MergeTable | null): SubmitMessage {
  const values = recipientValues(recipient, table ?? undefined);
  return {
    ...message,
    subject: fillTemplate(message.subject, values, 'text'),
    html: fillTemplate(message.html, values, 'html'),
    text: fillTemplate(message.text, values, 'text'),
  };
}
