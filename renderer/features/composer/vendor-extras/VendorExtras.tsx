import { useState } from 'react';
import type { Capabilities } from '../../../../shared/capabilities.js';
import { CRM_FIELDS, crmLinkProblems, type CrmLinks } from '../../../../shared/vendor-extras.js';
import { useComposerStore } from '../store.js';

/**
 * What the account's vendor can do with a message beyond sending it, offered only where it can:
 * "Log to" CRM records (the kinds of record its capabilities name) and open and link tracking
 * (off unless asked for).
 */
export function VendorExtras(props: { capabilities: Capabilities | null; providerName: string }) {
  const extras = useComposerStore((s) => s.extras);
  const setExtras = useComposerStore((s) => s.setExtras);
  const kind = props.capabilities?.crmLinks ?? 'none';
  const tracks = props.capabilities?.tracking === true;
  const fields = kind === 'none' ? [] : CRM_FIELDS[kind];
  const typed = fields.some(({ key }) => (extras.crm[key] ?? '').trim() !== '');
  const [open, setOpen] = useState(false);
  if (fields.length === 0 && !tracks) return null;
  const problems = crmLinkProblems(extras.crm, kind);
  const setId = (key: keyof CrmLinks, value: string) => setExtras({ ...extras, crm: { ...extras.crm, [key]: value } });

  return (
    <div className="vendor-extras">
      {fields.length > 0 && !open && !typed ? (
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Log to {props.providerName}…
        </button>
      ) : null}
      {fields.length > 0 && (open || typed) ? (
        <fieldset className="vendor-extras-log">
          <legend>Log to {props.providerName}</legend>
          {fields.map(({ key, label, hint }) => {
            const problem = problems.find((p) => p.key === key)?.message;
            const id = `log-to-${key}`;
            return (
              <div className="vendor-extras-field" key={key}>
                <label htmlFor={id}>{label}</label>
                <input
                  id={id}
                  type="text"
                  spellCheck={false}
                  value={extras.crm[key] ?? ''}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={`${id}-hint`}
                  onChange={(event) => setId(key, event.target.value)}
                />
                <p id={`${id}-hint`} className={problem ? 'field-error' : 'field-help'}>
                  {problem ?? hint}
                </p>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {tracks ? (
        <div className="vendor-extras-tracking">
          <label>
            <input type="checkbox" checked={extras.tracking} aria-describedby="tracking-caveat" onChange={(event) => setExtras({ ...extras, tracking: event.target.checked })} /> Track opens and
            link clicks
          </label>
          <p id="tracking-caveat" className="field-help">
            {props.providerName} counts an open when the message’s images load, so opens are approximate: many mail apps block images or load them
            for you in advance. Links are rewritten to count clicks.
          </p>
        </div>
      ) : null}
    </div>
  );
}
