import type { z } from 'zod';
import type { Capabilities } from '../capabilities.js';

/**
 * One of the Accounts form's inputs for a vendor's setting. `key` is the setting's name in the
 * vendor's settings schema, so the schema's reasons land beside the input by their path.
 */
export interface FieldHelp<Key extends string = string> {
  key: Key;
  label: string;
  help: string;
  placeholder?: string;
  optional?: boolean;
  /** Offered as one choice each instead of a free address (a vendor's fixed environments); an account saved with another value keeps it. */
  choices?: readonly { label: string; value: string }[];
}

/** A vendor's limits that are not refusals: advice the composer gives, the pace a batch keeps. */
export interface ComposeRules {
  /** Above this many characters the subject is said to be long for this vendor. */
  subjectAdvice?: { over: number; sentence: string };
  /** The vendor's own sending guidance, and where it comes from (shown beside the pace fields). */
  pace?: { perMinute: number; perDay: number; source: string };
}

/**
 * Everything Composer knows about one vendor that is not how to call it: its name, the help
 * the Accounts form shows, the settings an account keeps, what it can carry and the composer's
 * advice for it. The adapter in electron/providers/ makes the requests.
 */
export interface ProviderEntry<Id extends string = string, Settings extends z.ZodObject = z.ZodObject> {
  id: Id;
  /** Shown wherever the vendor is named: "Rollout cannot send Bcc recipients." */
  name: string;
  summary: string;
  /** Where the vendor shows the values the form asks for. */
  link: { href: string; text: string } | null;
  secretLabel: string | null;
  secretHelp: string;
  /** Settings fields in the order the form shows them (name, from, key and timeout are every vendor's). */
  fields: FieldHelp[];
  /** Whether the form asks for a from name and address (the sandbox needs nothing but a name). */
  asksFrom: boolean;
  /** The setting holding the address the key is sent to (base URL, endpoint, DSN), or null when it sends nowhere. */
  address: string | null;
  /** The settings an account of this vendor keeps next to its (separately encrypted) key. */
  settings: Settings;
  capabilities: Capabilities;
  rules: ComposeRules;
}
