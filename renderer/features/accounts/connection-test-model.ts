import { connectionTestInputSchema, type ConnectionTestInputDraft } from '../../../shared/connection-test.js';
import { draftFromForm, fieldForPath, keyReentry, type AccountForm, type FormField } from './form-model.js';

/**
 * What Test connection would ask main, or the fields that stop it: only the settings and the
 * key matter to a read, so a missing name or signature does not.
 */
export function connectionTestInput(form: AccountForm): { input: ConnectionTestInputDraft | null; missing: FormField[] } {
  const draft = draftFromForm(form);
  const candidate: ConnectionTestInputDraft = { ...(form.id ? { id: form.id } : {}), settings: draft.settings, ...(draft.secret ? { secret: draft.secret } : {}) };
  const missing = new Set<FormField>();
  // A new account has no stored key to fall back on; a moved address may not take the stored one.
  if ((!form.id || !form.hasSecret || keyReentry(form, draft) !== null) && !draft.secret) missing.add('secret');
  const parsed = connectionTestInputSchema.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) missing.add(fieldForPath(issue.path.join('.')));
  return missing.size === 0 ? { input: candidate, missing: [] } : { input: null, missing: [...missing] };
}
