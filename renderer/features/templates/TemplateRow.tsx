import { useState } from 'react';
import type { Template } from '../../../shared/templates.js';
import { snippetFromText } from '../../../shared/snippet.js';
import { htmlWords } from '../../lib/html-words.js';
import { useTemplatesStore } from './store.js';

/** The body's words for the list, without its markup. */
const bodyWords = (html: string) => snippetFromText(htmlWords(html), 140);

function RenameForm(props: { template: Template }) {
  const { template } = props;
  const [name, setName] = useState(template.name);
  const error = useTemplatesStore((s) => s.renameError);
  const store = useTemplatesStore();
  const inputId = `rename-${template.id}`;
  return (
    <form
      className="template-rename"
      onSubmit={(event) => {
        event.preventDefault();
        void store.rename(template.id, name);
      }}
    >
      <label htmlFor={inputId}>New name</label>
      <input id={inputId} type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${inputId}-error` : undefined} />
      <button type="submit" className="button-primary" disabled={name.trim() === ''}>
        Rename
      </button>
      <button type="button" className="button-quiet" onClick={() => store.startRename(null)}>
        Cancel
      </button>
      {error && (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** One template or snippet: what it holds at a glance, and rename, edit, delete. */
export function TemplateRow(props: { template: Template; scope: string }) {
  const { template, scope } = props;
  const store = useTemplatesStore();
  const renaming = store.renamingId === template.id;
  const files = template.attachments.map((a) => a.filename).join(', ');
  return (
    <li className="account-row template-row" aria-label={template.name}>
      <div className="account-main">
        <div className="account-title">
          <span className="account-label">{template.name}</span>
          <span className="badge badge-default">{template.kind === 'snippet' ? 'Snippet' : 'Template'}</span>
          <span className="account-provider">{scope}</span>
        </div>
        {template.kind === 'template' && template.subject && <div className="template-subject">{template.subject}</div>}
        <div className="account-meta">
          <span className="template-body">{bodyWords(template.html) || '(empty body)'}</span>
        </div>
        {(template.cc.length > 0 || template.bcc.length > 0 || files) && (
          <div className="account-meta">
            {template.cc.length > 0 && <span>Cc {template.cc.map((r) => r.email).join(', ')}</span>}
            {template.bcc.length > 0 && <span>Bcc {template.bcc.map((r) => r.email).join(', ')}</span>}
            {files && <span>Files: {files}</span>}
          </div>
        )}
      </div>
      <div className="account-actions">
        <button type="button" className="button-quiet" onClick={() => store.startRename(template.id)} aria-label={`Rename ${template.name}`}>
          Rename
        </button>
        <button type="button" className="button-secondary" onClick={() => store.startEdit(template.id)} aria-label={`Edit ${template.name}`}>
          Edit
        </button>
        <button type="button" className="button-quiet button-danger" onClick={() => void store.remove(template.id)} aria-label={`Delete ${template.name}`}>
          Delete
        </button>
      </div>
      {renaming && <RenameForm template={template} />}
    </li>
  );
}
