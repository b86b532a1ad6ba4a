import { useEditorState, type Editor } from '@tiptap/react';
import { createContext, useContext, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  AlignCenterIcon,
  AlignLeftIcon,
  AlignRightIcon,
  BoldIcon,
  BulletListIcon,
  ClearFormattingIcon,
  CodeBlockIcon,
  CodeIcon,
  Heading1Icon,
  Heading2Icon,
  ItalicIcon,
  LinkIcon,
  OrderedListIcon,
  QuoteIcon,
  RedoIcon,
  RuleIcon,
  StrikeIcon,
  UnderlineIcon,
  UndoIcon,
} from './icons.js';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

interface ToolState {
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

function readTools(editor: Editor): ToolState {
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
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

function sameTools(a: ToolState, b: ToolState | null): boolean {
  if (!b) return false;
  return (Object.keys(a) as (keyof ToolState)[]).every((key) => a[key] === b[key]);
}

/** Which tool holds the toolbar's one Tab stop (the last one focused), and how to move it. */
const RovingStop = createContext<{ current: string; focused(label: string): void }>({ current: '', focused: () => undefined });

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/** Arrow keys, Home and End move between the enabled tools, as in any toolbar. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  const move = MOVES[event.key];
  if (!move) return;
  const tools = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button.tool:not(:disabled)'));
  const at = tools.findIndex((tool) => tool === document.activeElement);
  if (at < 0 || tools.length === 0) return;
  event.preventDefault();
  tools[move(at, tools.length)]?.focus();
}

function Tool(props: { label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  const title = props.shortcut ? `${props.label} (${props.shortcut})` : props.label;
  const stop = useContext(RovingStop);
  return (
    <button
      type="button"
      className={`tool${props.active ? ' tool-active' : ''}`}
      aria-label={props.label}
      tabIndex={stop.current === props.label ? 0 : -1}
      onFocus={() => stop.focused(props.label)}
      aria-pressed={props.active === undefined ? undefined : props.active}
      title={title}
      disabled={props.disabled}
      // Keeps the editor's selection: a click on the toolbar must not blur the text it formats.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/**
 * The formatting toolbar. It re-renders only when what it shows changes (an active mark,
 * undo becoming possible), never on every keystroke, so typing stays as fast as the editor.
 * It is one Tab stop between Subject and the body; the arrow keys move inside it.
 */
export function Toolbar(props: { editor: Editor; onLink: () => void }) {
  const { editor } = props;
  const tools = useEditorState({ editor, selector: ({ editor: e }) => readTools(e), equalityFn: sameTools });
  const chain = () => editor.chain().focus();
  const [focused, setFocused] = useState('Bold');
  // A stop on a tool that became disabled (Undo with nothing to undo) would drop the toolbar from the Tab order.
  const current = (focused === 'Undo' && !tools.canUndo) || (focused === 'Redo' && !tools.canRedo) ? 'Bold' : focused;
  return (
    <RovingStop.Provider value={{ current, focused: setFocused }}>
      <div className="toolbar" role="toolbar" aria-label="Formatting" onKeyDown={moveFocus}>
        <div className="tool-group" role="group" aria-label="Text style">
          <Tool label="Bold" shortcut={`${mod}B`} active={tools.bold} onClick={() => chain().toggleBold().run()}><BoldIcon /></Tool>
          <Tool label="Italic" shortcut={`${mod}I`} active={tools.italic} onClick={() => chain().toggleItalic().run()}><ItalicIcon /></Tool>
          <Tool label="Underline" shortcut={`${mod}U`} active={tools.underline} onClick={() => chain().toggleUnderline().run()}><UnderlineIcon /></Tool>
          <Tool label="Strikethrough" shortcut={`${mod}Shift+S`} active={tools.strike} onClick={() => chain().toggleStrike().run()}><StrikeIcon /></Tool>
          <Tool label="Inline code" shortcut={`${mod}E`} active={tools.code} onClick={() => chain().toggleCode().run()}><CodeIcon /></Tool>
          <Tool label="Link" shortcut={`${mod}K`} active={tools.link} onClick={props.onLink}><LinkIcon /></Tool>
        </div>
        <div className="tool-group" role="group" aria-label="Paragraph style">
          <Tool label="Heading" active={tools.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()}><Heading1Icon /></Tool>
          <Tool label="Subheading" active={tools.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}><Heading2Icon /></Tool>
          <Tool label="Quote" shortcut={`${mod}Shift+B`} active={tools.quote} onClick={() => chain().toggleBlockquote().run()}><QuoteIcon /></Tool>
          <Tool label="Code block" active={tools.codeBlock} onClick={() => chain().toggleCodeBlock().run()}><CodeBlockIcon /></Tool>
        </div>
        <div className="tool-group" role="group" aria-label="Lists">
          <Tool label="Bulleted list" shortcut={`${mod}Shift+8`} active={tools.bullet} onClick={() => chain().toggleBulletList().run()}><BulletListIcon /></Tool>
          <Tool label="Numbered list" shortcut={`${mod}Shift+7`} active={tools.ordered} onClick={() => chain().toggleOrderedList().run()}><OrderedListIcon /></Tool>
        </div>
        <div className="tool-group" role="group" aria-label="Alignment">
          <Tool label="Align left" active={tools.align === 'left'} onClick={() => chain().setTextAlign('left').run()}><AlignLeftIcon /></Tool>
          <Tool label="Align center" active={tools.align === 'center'} onClick={() => chain().setTextAlign('center').run()}><AlignCenterIcon /></Tool>
          <Tool label="Align right" active={tools.align === 'right'} onClick={() => chain().setTextAlign('right').run()}><AlignRightIcon /></Tool>
        </div>
        <div className="tool-group" role="group" aria-label="Insert and clear">
          <Tool label="Horizontal rule" onClick={() => chain().setHorizontalRule().run()}><RuleIcon /></Tool>
          <Tool label="Clear formatting" onClick={() => chain().unsetAllMarks().clearNodes().run()}><ClearFormattingIcon /></Tool>
        </div>
        <div className="tool-group tool-group-end" role="group" aria-label="History">
          <Tool label="Undo" shortcut={`${mod}Z`} disabled={!tools.canUndo} onClick={() => chain().undo().run()}><UndoIcon /></Tool>
          <Tool label="Redo" shortcut={`${mod}Shift+Z`} disabled={!tools.canRedo} onClick={() => chain().redo().run()}><RedoIcon /></Tool>
        </div>
      </div>
    </RovingStop.Provider>
  );
}
