import type { Editor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bodyFieldsOf, checkMerge, type BodyField, type MergeCheck } from './merge-check.js';
import { mergeMarksKey } from './merge-marks.js';
import { useComposerStore } from '../store.js';

const RESCAN_MS = 150;

function sameFields(a: readonly BodyField[], b: readonly BodyField[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]?.name && f.hasFallback === b[i]?.hasFallback);
}

/**
 * The composer's merge fields: which the body holds (re-read shortly after each change,
 * an opened draft included), what stops Send, and which chips the body marks as missing.
 */
export function useMerge(editor: Editor, individually: boolean): MergeCheck {
  const { subject, lists, mergeTable, bodyFields } = useComposerStore(
    useShallow((s) => ({ subject: s.subject, lists: s.lists, mergeTable: s.mergeTable, bodyFields: s.bodyFields })),
  );
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      timer = null;
      const fields = bodyFieldsOf(editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n', ' '));
      if (!sameFields(fields, useComposerStore.getState().bodyFields)) useComposerStore.setState({ bodyFields: fields });
    };
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged && timer === null) timer = setTimeout(read, RESCAN_MS);
    };
    read();
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor]);
  const check = useMemo(() => checkMerge({ subject, lists, mergeTable, bodyFields, individually }), [subject, lists, mergeTable, bodyFields, individually]);
  const missingKey = [...check.missing].sort().join(',');
  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(mergeMarksKey, check.missing).setMeta('addToHistory', false));
    // The set's contents, not its identity, decide whether the chips change.
  }, [editor, missingKey]);
  return check;
}
