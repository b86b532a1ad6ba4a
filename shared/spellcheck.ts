import { z } from 'zod';

/** At most this many spellcheck languages at once (each dictionary costs memory and slows checking). */
export const MAX_SPELLCHECK_LANGUAGES = 3;

/** A BCP 47 language tag as Chromium names its dictionaries (`en-GB`, `de`, `es-419`). */
export const languageTagSchema = z
  .string()
  .max(35)
  .refine((tag) => {
    const [language, ...subtags] = tag.split('-');
    return /^[A-Za-z]{2,3}$/.test(language ?? '') && subtags.every((part) => /^[A-Za-z0-9]{2,8}$/.test(part));
  }, 'is not a language tag such as en-GB');

/**
 * Which spellchecker checks the composer's text and in which languages, for the setting that
 * chooses them. `checker` says who decides: `chromium` (Windows, Linux: the languages chosen
 * here, else the system's), `system` (macOS checks with its own spellchecker, set in System
 * Settings) or `browser` (the browser harness: the browser's own spellchecker and settings).
 */
export const spellcheckStatusSchema = z.object({
  checker: z.enum(['chromium', 'system', 'browser']),
  /** Languages a dictionary exists for; empty where the system checks spelling itself. */
  dictionaries: z.array(languageTagSchema),
  /** What the person chose in the app; empty means "follow the system". */
  chosen: z.array(languageTagSchema),
  /** The languages following the system gives. */
  systemDefault: z.array(languageTagSchema),
  /** The languages checking uses now. */
  active: z.array(languageTagSchema),
  max: z.number().int().positive(),
  /** One sentence: who checks spelling here and in which languages. */
  explanation: z.string(),
});
export type SpellcheckStatus = z.infer<typeof spellcheckStatusSchema>;

/** Input of `spellcheck:set`: the languages to check in; an empty list follows the system again. */
export const spellcheckSetSchema = z
  .object({
    languages: z.array(languageTagSchema).max(MAX_SPELLCHECK_LANGUAGES, `can hold at most ${MAX_SPELLCHECK_LANGUAGES} languages; untick one first`),
  })
  .strict();
export type SpellcheckSet = z.infer<typeof spellcheckSetSchema>;
