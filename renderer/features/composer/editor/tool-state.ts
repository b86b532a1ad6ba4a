import { redoDepth, undoDepth } from '@tiptap/pm/history';
import type { Editor } from '@tiptap/react';
import type { ReactNode } from 'react';

/** What the toolbar shows: which marks and blocks are active, and whether undo/redo can act. */
export interface ToolState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  code: boolean;
  link: boolean;
  h1: boolean;
  h2: boolean;
  bullet: boolean;
  ordered: boolean;
  quote: boolean;
  codeBlock: boolean;
  align: 'left' | 'center' | 'right';
  canUndo: boolean;
  canRedo: boolean;
}

export function readTools(editor: Editor): ToolState {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    strike: editor.isActive('strike'),
    code: editor.isActive('code'),
    link: editor.isActive('link'),
    h1: editor.isActive('heading', { level: 1 }),
    h2: editor.isActive('heading', { level: 2 }),
    bullet: editor.isActive('bulletList'),
    ordered: editor.isActive('orderedList'),
    quote: editor.isActive('blockquote'),
    codeBlock: editor.isActive('codeBlock'),
    align: editor.isActive({ textAlign: 'center' }) ? 'center' : editor.isActive({ textAlign: 'right' }) ? 'right' : 'left',
    // Read from the history itself: can().undo() builds a trial chain of commands on every keystroke.
    canUndo: undoDepth(editor.state) > 0,
    canRedo: redoDepth(editor.state) > 0,
  };
}

export function sameTools(a: ToolState, b: ToolState | null): boolean {
  if (!b) return false;
  return (Object.keys(a) as (keyof ToolState)[]).every((key) => a[key] === b[key]);
}

/** One formatting command, drawn as a toolbar button or, when the toolbar is narrow, a "More" menu item. */
export interface ToolSpec {
  label: string;
  shortcut?: string;
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  run(): void;
}

/** `collapse` orders which groups move into "More" as the composer narrows (1 goes first); 0 never moves. */
export interface ToolGroupSpec {
  id: 'style' | 'paragraph' | 'lists' | 'align' | 'insert' | 'history';
  label: string;
  collapse: number;
  tools: ToolSpec[];
}
