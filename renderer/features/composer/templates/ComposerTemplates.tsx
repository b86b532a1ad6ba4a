import type { Editor } from '@tiptap/react';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts.js';
import { templatesFor, type Template } from '../../../../shared/templates.js';
import { selectTemplates, useTemplatesStore } from '../../templates/index.js';
import { authoredText } from '../editor/signature.js';
import { useComposerStore } from '../store.js';
import { ReplaceBodyQuestion } from './ReplaceBodyQuestion.js';
import { SaveTemplateBar } from './SaveTemplateBar.js';
import { appendBody, authoredHtml, insertAt, replaceBody } from './template-body.js';
import { templateFromMessage } from './template-fields.js';
import { matching } from './template-trigger.js';
import { movedActive, optionId, TemplateOptions } from './TemplateOptions.js';
import { useSlashTrigger } from './use-slash-trigger.js';

export type TemplatePanel = 'save' | 'insert' | null;

/**
 * Templates and snippets in the composer: Save as template and Insert from the toolbar, and
 * the list that `/` or `;` at the start of a word opens at the caret (Up, Down, Enter, Escape).
 * A snippet goes in at the caret; a template sets the subject and body and adds its Cc, Bcc
 * and files, asking first when the body already has text.
 */
export function ComposerTemplates(props: { editor: Editor; account: AccountView | null; panel: TemplatePanel; onPanel: (panel: TemplatePanel) => void }) {
  const { editor, panel, onPanel } = props;
  const offered = templatesFor(useTemplatesStore(selectTemplates), props.account?.id ?? null);
  useEffect(() => void useTemplatesStore.getState().load(), []);
  const { trigger, dismiss } = useSlashTrigger(editor);
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const [asking, setAsking] = useState<Template | null>(null);
  const listId = useId();
  const popup = useRef<HTMLDivElement>(null);
  const slash = panel === null && offered.length > 0 ? trigger : null;
  const items = matching(offered, slash ? slash.query : search);
  const current = Math.min(active, Math.max(items.length - 1, 0));
  useEffect(() => setActive(0), [slash?.query, search, panel]);

  const close = () => {
    onPanel(null);
    setSearch('');
    editor.commands.focus();
  };
  const apply = (template: Template, how: 'replace' | 'append') => {
    setAsking(null);
    if (template.html.trim() !== '') (how === 'replace' ? replaceBody : appendBody)(editor, template.html);
    useComposerStore.getState().applyTemplate(template);
    editor.commands.focus();
  };
  const pick = (template: Template) => {
    const { from, to } = slash ?? editor.state.selection;
    onPanel(null);
    setSearch('');
    if (template.kind === 'snippet') return insertAt(editor, { from, to }, template.html);
    // The `/name` typed to find it is not part of the message.
    if (slash) editor.chain().focus().deleteRange({ from, to }).run();
    if (template.html.trim() !== '' && authoredText(editor.getJSON()).trim() !== '') setAsking(template);
    else apply(template, 'replace');
  };
  const onListKey = (event: Pick<KeyboardEvent, 'key' | 'preventDefault' | 'stopPropagation'>): boolean => {
    const next = movedActive(event.key, current, items.length);
    const chosen = items[current];
    if (next === null && !(event.key === 'Enter' && chosen)) return false;
    event.preventDefault();
    event.stopPropagation();
    if (next !== null) setActive(next);
    else if (chosen) pick(chosen);
    return true;
  };

  // The body keeps the focus while the list is open: its keys reach the list before the editor.
  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keys.current = (event) => {
    if (!slash || items.length === 0) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      dismiss();
    } else onListKey(event);
  };
  useEffect(() => {
    const dom = editor.view.dom;
    const listener = (event: KeyboardEvent) => keys.current(event);
    dom.addEventListener('keydown', listener, true);
    return () => dom.removeEventListener('keydown', listener, true);
  }, [editor]);

  // The body points at the active option, as a combobox would, while the list is open.
  const activeId = slash && items[current] ? optionId(listId, current) : null;
  useEffect(() => {
    const dom = editor.view.dom;
    if (activeId) {
      dom.setAttribute('aria-controls', listId);
      dom.setAttribute('aria-activedescendant', activeId);
    } else {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    }
  }, [editor, activeId, listId]);

  // At the caret, below the line (above it near the window's bottom); the policy allows positions set from script only.
  useLayoutEffect(() => {
    const box = popup.current;
    if (!slash || !box) return;
    const at = editor.view.coordsAtPos(slash.from);
    const below = at.bottom + 4 + box.offsetHeight <= window.innerHeight;
    box.style.left = `${Math.min(at.left, window.innerWidth - box.offsetWidth - 8)}px`;
    box.style.top = `${below ? at.bottom + 4 : at.top - box.offsetHeight - 4}px`;
  }, [editor, slash, items.length]);

  const onSave = async (name: string, accountId: string | null) => {
    const input = templateFromMessage(useComposerStore.getState(), { name, accountId, html: authoredHtml(editor) });
    const refusal = await useTemplatesStore.getState().create(input);
    if (refusal) return refusal.message;
    close();
    useComposerStore.getState().setRemark(`Saved as template “${name}”. Type / at the start of a word in the body to use it.`);
    return null;
  };

  return (
    <>
      {panel === 'save' && <SaveTemplateBar account={props.account} initialName={useComposerStore.getState().subject.trim()} onSave={onSave} onClose={close} />}
      {panel === 'insert' && (
        <div className="link-bar template-bar" role="dialog" aria-label="Insert template or snippet" onKeyDown={(event) => event.key === 'Escape' && close()}>
          {offered.length === 0 ? (
            <p className="template-bar-help">No template or snippet for this account yet: save this message with Save as template, or write a snippet in Templates.</p>
          ) : (
            <>
              <label htmlFor={`${listId}-search`}>Find</label>
              <input
                id={`${listId}-search`}
                autoFocus
                className="link-input"
                role="combobox"
                aria-expanded="true"
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={items[current] ? optionId(listId, current) : undefined}
                value={search}
                placeholder="Name of a template or snippet"
                onChange={(event) => setSearch(event.target.value)}
                onKeyDown={(event) => void onListKey(event)}
              />
            </>
          )}
          <button type="button" className="button-quiet" onClick={close}>
            Close
          </button>
          {offered.length > 0 && (items.length > 0 ? <TemplateOptions id={listId} items={items} active={current} onPick={pick} onActive={setActive} /> : <p className="template-bar-help">None is named like “{search}”.</p>)}
        </div>
      )}
      {slash && items.length > 0 && (
        <div ref={popup} className="template-popup">
          <TemplateOptions id={listId} items={items} active={current} onPick={pick} onActive={setActive} />
        </div>
      )}
      {asking && <ReplaceBodyQuestion template={asking} onReplace={() => apply(asking, 'replace')} onAppend={() => apply(asking, 'append')} onCancel={() => setAsking(null)} />}
    </>
  );
}
