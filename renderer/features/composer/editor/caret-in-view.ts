import type { EditorView } from '@tiptap/pm/view';

const GAP = 8;

/**
 * Scrolls the window so the caret is clear of the composer's tools and its Send bar, which stay
 * in view over a long message (composer.css); ProseMirror's own scrolling would stop with the
 * caret just inside the window, under either of them. Returns false, and ProseMirror scrolls as
 * usual, when the editor is not in a composer or what stays in view leaves no room.
 */
export function scrollCaretClear(view: EditorView): boolean {
  const composer = view.dom.closest('.composer');
  const tools = composer?.querySelector('.composer-tools');
  const foot = composer?.querySelector('.composer-foot');
  if (!tools || !foot) return false;
  const caret = view.coordsAtPos(view.state.selection.head);
  const clearTop = Math.max(0, tools.getBoundingClientRect().bottom) + GAP;
  const clearBottom = Math.min(window.innerHeight, foot.getBoundingClientRect().top) - GAP;
  if (clearBottom - clearTop < caret.bottom - caret.top) return false;
  if (caret.bottom > clearBottom) window.scrollBy(0, caret.bottom - clearBottom);
  else if (caret.top < clearTop) window.scrollBy(0, caret.top - clearTop);
  return true;
}
