import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountView } from '../../../shared/accounts.js';
import { findAttachmentMention } from '../../../shared/attachment-reminder.js';
import type { EmailDocNode } from '../../../shared/email-html.js';
import type { ProviderInfo } from '../../../shared/ipc.js';
import { AttachmentList } from './attachments/AttachmentList.js';
import { EmptyFileQuestion } from './attachments/EmptyFileQuestion.js';
import { attachRefusal as refusalToAttach } from './attachments/attach-refusal.js';
import { composerExtensions, type EditorHooks } from './editor/extensions.js';
import { LinkBar } from './editor/LinkBar.js';
import { cleanPastedHtml } from './editor/paste-clean.js';
import { FromRow } from './recipients/FromRow.js';
import { MergePanel } from './merge/MergePanel.js';
import { CopyFields } from './recipients/CopyFields.js';
import { RecipientInput } from './recipients/RecipientInput.js';
import { RequestPreviewPanel } from './sending/RequestPreviewPanel.js';
import { SendMode } from './sending/SendMode.js';
import { useMerge } from './merge/use-merge.js';
import { checkSend } from './sending/send-check.js';
import { authoredText, caretAboveSignatureOnPress, currentSignature, swapSignature, unwrapSignature } from './editor/signature.js';
import { useDraftSync } from './draft-sync/draft-sync.js';
import { DraftBar } from './draft-sync/DraftBar.js';
import { startFreshHistory } from './editor/editor-history.js';
import { VersionsPanel } from './draft-sync/VersionsPanel.js';
import { SendBar } from './sending/SendBar.js';
import { SendConfirm } from './sending/SendConfirm.js';
import { offerSend } from './sending/send-request.js';
import { focusBlocker, useFocusRequests } from './composer-focus.js';
import { useComposerStore } from './store.js';
import { Toolbar } from './editor/Toolbar.js';
import { filesOf, useComposerShortcuts, useWindowFileDrop } from './window-hooks.js';

/**
 * The html and text bodies, made from the editor's document only when they are needed.
 * The converters (html-to-text and its parser) load on the first send, not at start.
 */
export async function bodiesOf(editor: Editor): Promise<{ html: string; text: string }> {
  const { docToEmailHtml, htmlToPlainText } = await import('../../../shared/email-html.js');
  // getJSON() always names each node's type; the editor's type only leaves it optional.
  const html = docToEmailHtml(unwrapSignature(editor.getJSON()) as EmailDocNode);
  return { html, text: htmlToPlainText(html) };
}

/**
 * The message being written: From, To/Cc/Bcc, Subject, the rich-text body and its files,
 * and Send with the reason when it is not possible yet.
 */
export function Composer(props: { accounts: AccountView[]; providers: ProviderInfo[] }) {
  // Only what this component shows: the save status (which changes while typing) is DraftBar's.
  const state = useComposerStore(
    useShallow((s) => ({
      accountId: s.accountId,
      lists: s.lists,
      subject: s.subject,
      attachments: s.attachments,
      status: s.status,
      remark: s.remark,
      confirm: s.confirm,
      generation: s.generation,
      draftId: s.draftId,
      addRecipients: s.addRecipients,
      removeRecipient: s.removeRecipient,
      removeLastRecipient: s.removeLastRecipient,
      individually: s.individually,
      copies: s.copies,
      setIndividually: s.setIndividually,
      requestPreview: s.requestPreview,
      previewRequest: s.previewRequest,
      closePreview: s.closePreview,
      setCopies: s.setCopies,
      removeAttachment: s.removeAttachment,
      pickAttachments: s.pickAttachments,
      dismissConfirm: s.dismissConfirm,
      send: s.send,
      setAccount: s.setAccount,
      setRemark: s.setRemark,
      setSubject: s.setSubject,
      mergeTable: s.mergeTable,
      setMergeTable: s.setMergeTable,
      bodyFieldNames: s.bodyFields.map((f) => f.name).join(','),
    })),
  );
  const account = props.accounts.find((a) => a.id === state.accountId) ?? null;
  const provider = account ? (props.providers.find((p) => p.id === account.settings.provider) ?? null) : null;
  const capabilities = provider?.capabilities ?? null;
  const validTo = state.lists.to.filter((chip) => chip.address).length;
  const check = checkSend({
    account,
    providerName: provider?.displayName ?? '',
    capabilities,
    // Sent individually with no Cc/Bcc, the copies are not part of any message.
    lists: state.individually && state.copies === 'none' ? { ...state.lists, cc: [], bcc: [] } : state.lists,
    subject: state.subject,
    attachments: state.attachments,
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  // A Send that cannot go says why (announced) and counts attempts, so the same reason is said again.
  const [refused, setRefused] = useState<{ text: string; seq: number } | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const hooks = useRef<EditorHooks>({ onSend: () => undefined, onLink: () => undefined });
  const extensions = useMemo(() => composerExtensions(hooks), []);
  const attachRefusal = refusalToAttach(provider);
  const attachRefusalRef = useRef(attachRefusal);
  attachRefusalRef.current = attachRefusal;

  const acceptFiles = (files: File[]) => {
    if (files.length === 0) return false;
    if (attachRefusalRef.current) useComposerStore.getState().setRemark(`${attachRefusalRef.current} Choose another account to attach files.`);
    else void useComposerStore.getState().importFiles(files);
    return true;
  };

  const editor = useEditor({
    extensions,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'editor-surface', 'aria-label': 'Message body', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' },
      transformPastedHTML: (html) => cleanPastedHtml(html),
      handlePaste: (_view, event) => acceptFiles(filesOf(event.clipboardData)),
      handleDrop: (_view, event) => acceptFiles(filesOf(event.dataTransfer)),
      handleDOMEvents: { mousedown: caretAboveSignatureOnPress },
    },
    // The CSP allows no inline styles; the editor's base rules are in styles.css.
    injectCSS: false,
  });

  // New message or another account: put that account's signature where the old one was.
  const inserted = useRef<ReturnType<typeof swapSignature>['inserted']>(null);
  // A message opened or written before this editor existed (a mailto: link at start, text from before Outbox was shown) is shown when it mounts.
  const shownGeneration = useRef(useComposerStore.getState().doc === null ? state.generation : -1);
  useEffect(() => {
    const opening = shownGeneration.current !== state.generation;
    shownGeneration.current = state.generation;
    const opened = opening ? useComposerStore.getState().doc : null;
    if (opening) {
      // Opening a draft is not an edit: no update event, so it is not saved back at once.
      if (opened) editor.commands.setContent(opened, { emitUpdate: false });
      else editor.commands.clearContent(false);
      // The draft carries its account's signature; switching account later replaces that one.
      inserted.current = opened ? currentSignature(editor) : null;
    }
    if (account && !opened) {
      const result = swapSignature(editor, account.signatureHtml, inserted.current);
      inserted.current = result.inserted;
      if (result.outcome === 'kept-edited') {
        useComposerStore.getState().setRemark(`You edited the signature, so it was left as it is; ${account.label}'s signature was not added.`);
      }
    }
    // Each message opened (new, draft, reply, mailto, back from another view) has its own undo history.
    if (opening) startFreshHistory(editor);
  }, [editor, account?.id, account?.signatureHtml, state.generation]);

  useFocusRequests((target) => (target === 'to' ? toRef.current?.focus() : editor.commands.focus('start')), state.generation);
  useDraftSync(editor);
  const merge = useMerge(editor, state.individually);
  check.blockers.push(...merge.blockers);
  const [mergeOpen, setMergeOpen] = useState(false);
  // The editor goes away with the view (Outbox, Accounts); the text it held comes back with it.
  useEffect(() => () => useComposerStore.setState({ doc: editor.getJSON() }), [editor]);

  // The default account is preselected; a removed account falls back to it.
  useEffect(() => {
    if (account || props.accounts.length === 0) return;
    const preferred = props.accounts.find((a) => a.isDefault) ?? props.accounts[0];
    if (preferred) useComposerStore.getState().setAccount(preferred.id);
  }, [account, props.accounts]);

  useWindowFileDrop(acceptFiles);
  useComposerShortcuts(editor, () => hooks.current.onSend());

  const send = (sendAt?: string) => {
    const current = useComposerStore.getState();
    const blocker = check.blockers[0];
    if (blocker) {
      setRefused((before) => ({ text: blocker.message, seq: (before?.seq ?? 0) + 1 }));
      focusBlocker(sectionRef.current, blocker.field);
      return;
    }
    if (current.status.kind === 'sending') return;
    const questions: string[] = [];
    if (current.subject.trim() === '') questions.push('This message has no subject. Send it anyway?');
    const mention = current.attachments.length === 0 ? findAttachmentMention(current.subject, authoredText(editor.getJSON())) : null;
    if (mention) questions.push(`You wrote “${mention}”, but nothing is attached. Send it anyway?`);
    if (questions.length > 0) current.askConfirm(questions, sendAt);
    else void bodiesOf(editor).then((bodies) => current.send(bodies, sendAt));
  };
  hooks.current = { onSend: () => send(), onLink: () => setLinkOpen(true) };
  // The menu's Send (and its accelerator) goes through the same path as the button.
  useEffect(() => offerSend(() => hooks.current.onSend()), []);

  const refusalFor = (field: string) => check.blockers.find((b) => b.field === field)?.message ?? null;
  const warnings = check.warnings;

  return (
    <section ref={sectionRef} className="composer" aria-label="New message">
      <DraftBar onShowVersions={() => setVersionsOpen(true)} />
      {versionsOpen && state.draftId ? <VersionsPanel draftId={state.draftId} onClose={() => setVersionsOpen(false)} /> : null}
      <div className="composer-fields">
        <FromRow accounts={props.accounts} accountId={state.accountId} refusal={refusalFor('from')} onChange={state.setAccount} />
        <RecipientInput
          field="to"
          label="To"
          chips={state.lists.to}
          refusal={null}
          inputRef={toRef}
          onAdd={(input) => state.addRecipients('to', input)}
          onRemove={(id) => state.removeRecipient('to', id)}
          onRemoveLast={() => state.removeLastRecipient('to')}
        />
        {validTo > 1 || state.individually ? (
          <SendMode
            recipients={validTo}
            individually={state.individually}
            copies={state.copies}
            hasCopies={state.lists.cc.length + state.lists.bcc.length > 0}
            onIndividually={state.setIndividually}
            onCopies={state.setCopies}
          />
        ) : null}
        <CopyFields
          ccRefusal={refusalFor('cc') ?? (capabilities && !capabilities.cc ? `${provider?.displayName ?? 'This provider'} cannot send Cc recipients.` : null)}
          bccRefusal={refusalFor('bcc') ?? (capabilities && !capabilities.bcc ? `${provider?.displayName ?? 'This provider'} cannot send Bcc recipients.` : null)}
          extraToggle={
            !merge.hasFields && state.mergeTable === '' && !mergeOpen ? (
              <button type="button" className="link-button" onClick={() => setMergeOpen(true)}>
                Merge fields
              </button>
            ) : null
          }
        />
        <div className="composer-row">
          <label className="composer-label" htmlFor="composer-subject">
            Subject
          </label>
          <input
            id="composer-subject"
            className="subject-input"
            type="text"
            value={state.subject}
            onChange={(event) => state.setSubject(event.target.value)}
            onKeyDown={(event) => {
              // Tab and Enter both go on to the body; the toolbar is reached with Shift+Tab from there.
              if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || (event.key === 'Tab' && !event.shiftKey)) {
                event.preventDefault();
                // TipTap's focus waits a frame; keys typed in that frame would still land in Subject.
                editor.view.focus();
                editor.commands.focus('start');
              }
            }}
          />
        </div>
      </div>
      <Toolbar editor={editor} onLink={() => setLinkOpen(true)} />
      {linkOpen ? <LinkBar editor={editor} onClose={() => setLinkOpen(false)} /> : null}
      <EditorContent editor={editor} className="editor" />
      {merge.hasFields || state.mergeTable !== '' || mergeOpen ? (
        <MergePanel check={merge} fieldNames={[...new Set(state.bodyFieldNames.split(',').filter(Boolean))]} table={state.mergeTable} onTable={state.setMergeTable} />
      ) : null}
      <AttachmentList attachments={state.attachments} limitBytes={capabilities?.localAttachments ? capabilities.maxAttachmentBytes : null} onRemove={state.removeAttachment} />
      <EmptyFileQuestion />
      {warnings.length > 0 ? (
        <ul className="composer-warnings" aria-label="What this account will not carry">
          {warnings.map((w) => (
            <li key={w.message}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      {state.confirm ? (
        <SendConfirm
          confirm={state.confirm}
          onSend={() => void bodiesOf(editor).then((bodies) => state.send(bodies, state.confirm?.sendAt))}
          onBack={() => {
            state.dismissConfirm();
            editor.commands.focus();
          }}
        />
      ) : null}
      {state.requestPreview ? <RequestPreviewPanel preview={state.requestPreview} vendor={provider?.displayName ?? 'The vendor'} onClose={state.closePreview} /> : null}
      <SendBar
        blocker={check.blockers[0]?.message ?? null}
        refused={refused && refused.text === check.blockers[0]?.message ? refused : null}
        sending={state.status.kind === 'sending'}
        attachRefusal={attachRefusal}
        onSend={send}
        onAttach={() => void state.pickAttachments()}
        onPreview={account ? () => void bodiesOf(editor).then((bodies) => state.previewRequest(bodies)) : null}
      />
      <div className="composer-status" aria-live="polite">
        {state.remark ? (
          <p className="status-remark">
            {state.remark}{' '}
            <button type="button" className="link-button" onClick={() => state.setRemark(null)}>
              OK
            </button>
          </p>
        ) : null}
      </div>
      {state.status.kind === 'failed' ? (
        <p className="status-failed" role="alert">
          Not sent: {state.status.text} Your message is still here.
        </p>
      ) : null}
    </section>
  );
}
