import { useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';

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

function Tool(props: { label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  const title = props.shortcut ? `${props.label} (${props.shortcut})` : props.label;
  return (
    <button
      type="button"
      className={`tool${props.active ? ' tool-active' : ''}`}
      aria-label={props.label}
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
 */
export function Toolbar(props: { editor: Editor; onLink: () => void }) {
  const { editor } = props;
  const tools = useEditorState({ editor, selector: ({ editor: e }) => readTools(e), equalityFn: sameTools });
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <Tool label="Bold" shortcut={`${mod}B`} active={tools.bold} onClick={() => chain().toggleBold().run()}><b>B</b></Tool>
      <Tool label="Italic" shortcut={`${mod}I`} active={tools.italic} onClick={() => chain().toggleItalic().run()}><i>I</i></Tool>
      <Tool label="Underline" shortcut={`${mod}U`} active={tools.underline} onClick={() => chain().toggleUnderline().run()}><u>U</u></Tool>
      <Tool label="Strikethrough" shortcut={`${mod}Shift+S`} active={tools.strike} onClick={() => chain().toggleStrike().run()}><s>S</s></Tool>
      <Tool label="Inline code" shortcut={`${mod}E`} active={tools.code} onClick={() => chain().toggleCode().run()}>{'</>'}</Tool>
      <Tool label="Link" shortcut={`${mod}K`} active={tools.link} onClick={props.onLink}>🔗</Tool>
      <span className="tool-sep" aria-hidden="true" />
      <Tool label="Heading" active={tools.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()}>H1</Tool>
      <Tool label="Subheading" active={tools.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>H2</Tool>
      <Tool label="Bulleted list" shortcut={`${mod}Shift+8`} active={tools.bullet} onClick={() => chain().toggleBulletList().run()}>•≡</Tool>
      <Tool label="Numbered list" shortcut={`${mod}Shift+7`} active={tools.ordered} onClick={() => chain().toggleOrderedList().run()}>1≡</Tool>
      <Tool label="Quote" shortcut={`${mod}Shift+B`} active={tools.quote} onClick={() => chain().toggleBlockquote().run()}>❝</Tool>
      <Tool label="Code block" active={tools.codeBlock} onClick={() => chain().toggleCodeBlock().run()}>{'{ }'}</Tool>
      <Tool label="Horizontal rule" onClick={() => chain().setHorizontalRule().run()}>―</Tool>
      <span className="tool-sep" aria-hidden="true" />
      <Tool label="Align left" active={tools.align === 'left'} onClick={() => chain().setTextAlign('left').run()}>⯇</Tool>
      <Tool label="Align center" active={tools.align === 'center'} onClick={() => chain().setTextAlign('center').run()}>≡</Tool>
      <Tool label="Align right" active={tools.align === 'right'} onClick={() => chain().setTextAlign('right').run()}>⯈</Tool>
      <Tool label="Clear formatting" onClick={() => chain().unsetAllMarks().clearNodes().run()}>⌫</Tool>
      <span className="tool-sep" aria-hidden="true" />
      <Tool label="Undo" shortcut={`${mod}Z`} disabled={!tools.canUndo} onClick={() => chain().undo().run()}>↶</Tool>
      <Tool label="Redo" shortcut={`${mod}Shift+Z`} disabled={!tools.canRedo} onClick={() => chain().redo().run()}>↷</Tool>
    </div>
  );
}
