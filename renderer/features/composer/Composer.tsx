import { EditorContent } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountView } from '../../../shared/accounts.js';
import { cannotSend } from '../../../shared/capability-check.js';
import type { ProviderInfo } from '../../../shared/ipc.js';
import { AttachmentList } from './attachments/AttachmentList.js';
import { EmptyFileQuestion } from './attachments/EmptyFileQuestion.js';
import { ArrivingFile } from './attachments/ArrivingFile.js';
import { attachRefusal as refusalToAttach } from './attachments/attach-refusal.js';
import { focusBlocker, useFocusRequests } from './composer-focus.js';
import { DraftBar } from './draft-sync/DraftBar.js';
import { useDraftSync } from './draft-sync/draft-sync.js';
import { VersionsPanel } from './draft-sync/VersionsPanel.js';
import { bodiesOf } from './editor/bodies.js';
import type { EditorHooks } from './editor/extensions.js';
import { LinkBar } from './editor/LinkBar.js';
import { authoredText } from './editor/signature.js';
import { Toolbar } from './editor/Toolbar.js';
import { useComposerEditor } from './editor/use-composer-editor.js';
import { useShownMessage } from './editor/use-shown-message.js';
import { MergePanel } from './merge/MergePanel.js';
import { useMerge } from './merge/use-merge.js';
import { CopyFields } from './recipients/CopyFields.js';
import { FromRow } from './recipients/FromRow.js';
import { RecipientInput } from './recipients/RecipientInput.js';
import { ComposerStatus, VendorWarnings } from './sending/ComposerStatus.js';
import { RequestPreviewPanel } from './sending/RequestPreviewPanel.js';
import { SendBar } from './sending/SendBar.js';
import { checkSend } from './sending/send-check.js';
import { SendConfirm } from './sending/SendConfirm.js';
import { SendMode } from './sending/SendMode.js';
import { sendQuestions } from './sending/send-questions.js';
import { useComposerStore } from './store.js';
import { SubjectField } from './SubjectField.js';
import { crmLinkProblems } from '../../../shared/vendor-extras.js';
import { VendorExtras } from './vendor-extras/VendorExtras.js';
import { ComposerTemplates, type TemplatePanel } from './templates/ComposerTemplates.js';
import { useComposerShortcuts, useWindowFileDrop } from './window-hooks.js';


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
  const providerName = provider?.displayName ?? 'This provider';
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
  const [templatePanel, setTemplatePanel] = useState<TemplatePanel>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  // A Send that cannot go says why (announced) and counts attempts, so the same reason is said again.
  const [refused, setRefused] = useState<{ text: string; seq: number } | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const hooks = useRef<EditorHooks>({ onSend: () => undefined, onLink: () => undefined });
  const attachRefusal = refusalToAttach(provider);
  const attachRefusalRef = useRef(attachRefusal);
  attachRefusalRef.current = attachRefusal;

  const acceptFiles = (files: File[]) => {
    if (files.length === 0) return false;
    if (attachRefusalRef.current) useComposerStore.getState().setRemark(`${attachRefusalRef.current} Choose another account to attach files.`);
    else void useComposerStore.getState().importFiles(files);
    return true;
  };

  const editor = useComposerEditor(hooks, acceptFiles);
  useShownMessage(editor, account, state.generation);

  useFocusRequests((target) => (target === 'to' ? toRef.current?.focus() : editor.commands.focus('start')), state.generation);
  const draft = useDraftSync(editor);
  const merge = useMerge(editor, state.individually);
  check.blockers.push(...merge.blockers);
  const extras = useComposerStore((s) => s.extras);
  const crmKind = capabilities?.crmLinks ?? 'none';
  check.blockers.push(...crmLinkProblems(extras.crm, crmKind).map((p) => ({ field: `log-to-${p.key}`, message: p.message })));
  const tracks = capabilities?.tracking === true;
  // The store builds the message: it learns what this account's vendor carries of the extras.
  useEffect(() => useComposerStore.getState().fitExtras({ crmLinks: crmKind, tracking: tracks }), [crmKind, tracks]);
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
    const questions = sendQuestions({ subject: current.subject, attachmentCount: current.attachments.length, authoredText: authoredText(editor.getJSON()) });
    if (questions.length > 0) current.askConfirm(questions, sendAt);
    else void bodiesOf(editor).then((bodies) => current.send(bodies, sendAt));
  };
  hooks.current = { onSend: () => send(), onLink: () => setLinkOpen(true) };
  // The store's actions reach this editor through what it lends; the menu's Send (and its accelerator) takes the button's path.
  useEffect(() => useComposerStore.getState().lendEditor({ ...draft, send: () => hooks.current.onSend() }), [draft]);

  const refusalFor = (field: string) => check.blockers.find((b) => b.field === field)?.message ?? null;

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
          ccRefusal={refusalFor('cc') ?? (capabilities && !capabilities.cc ? cannotSend(providerName, 'cc') : null)}
          bccRefusal={refusalFor('bcc') ?? (capabilities && !capabilities.bcc ? cannotSend(providerName, 'bcc') : null)}
          extraToggle={
            !merge.hasFields && state.mergeTable === '' && !mergeOpen ? (
              <button type="button" className="link-button" onClick={() => setMergeOpen(true)}>
                Merge fields
              </button>
            ) : null
          }
        />
        <SubjectField subject={state.subject} editor={editor} onChange={state.setSubject} />
        <VendorExtras capabilities={capabilities} providerName={providerName} />
      </div>
      <div className="composer-tools">
        <Toolbar editor={editor} onLink={() => setLinkOpen(true)} onInsertTemplate={() => setTemplatePanel('insert')} onSaveTemplate={() => setTemplatePanel('save')} />
        {linkOpen ? <LinkBar editor={editor} onClose={() => setLinkOpen(false)} /> : null}
      </div>
      <ComposerTemplates editor={editor} account={account} panel={templatePanel} onPanel={setTemplatePanel} />
      <EditorContent editor={editor} className="editor" />
      {merge.hasFields || state.mergeTable !== '' || mergeOpen ? (
        <MergePanel check={merge} fieldNames={[...new Set(state.bodyFieldNames.split(',').filter(Boolean))]} table={state.mergeTable} onTable={state.setMergeTable} />
      ) : null}
      <AttachmentList attachments={state.attachments} limitBytes={capabilities?.localAttachments ? capabilities.maxAttachmentBytes : null} onRemove={state.removeAttachment} />
      <ArrivingFile />
      <EmptyFileQuestion />
      <VendorWarnings warnings={check.warnings} />
      <div className="composer-foot">
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
        <ComposerStatus remark={state.remark} status={state.status} onDismissRemark={() => state.setRemark(null)} />
      </div>
    </section>
  );
}
