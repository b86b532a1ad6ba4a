import { useEditorState, type Editor } from '@tiptap/react';
import { useState } from 'react';
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
  SaveTemplateIcon,
  StrikeIcon,
  TemplateIcon,
  UnderlineIcon,
  UndoIcon,
} from '../icons.js';
import { isMac } from '../../../lib/platform.js';
import { moveFocus, RovingStop, Tool } from './Tool.js';
import { ToolbarMore } from './ToolbarMore.js';
import { readTools, sameTools, type ToolGroupSpec, type ToolState } from './tool-state.js';

const mod = isMac ? '⌘' : 'Ctrl+';

function toolGroups(editor: Editor, tools: ToolState, onLink: () => void): ToolGroupSpec[] {
  const chain = () => editor.chain().focus();
  return [
    {
      id: 'style',
      label: 'Text style',
      collapse: 0,
      tools: [
        { label: 'Bold', shortcut: `${mod}B`, icon: <BoldIcon />, active: tools.bold, run: () => chain().toggleBold().run() },
        { label: 'Italic', shortcut: `${mod}I`, icon: <ItalicIcon />, active: tools.italic, run: () => chain().toggleItalic().run() },
        { label: 'Underline', shortcut: `${mod}U`, icon: <UnderlineIcon />, active: tools.underline, run: () => chain().toggleUnderline().run() },
        { label: 'Strikethrough', shortcut: `${mod}Shift+S`, icon: <StrikeIcon />, active: tools.strike, run: () => chain().toggleStrike().run() },
        { label: 'Inline code', shortcut: `${mod}E`, icon: <CodeIcon />, active: tools.code, run: () => chain().toggleCode().run() },
        { label: 'Link', shortcut: `${mod}K`, icon: <LinkIcon />, active: tools.link, run: onLink },
      ],
    },
    {
      id: 'paragraph',
      label: 'Paragraph style',
      collapse: 2,
      tools: [
        { label: 'Heading', icon: <Heading1Icon />, active: tools.h1, run: () => chain().toggleHeading({ level: 1 }).run() },
        { label: 'Subheading', icon: <Heading2Icon />, active: tools.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
        { label: 'Quote', shortcut: `${mod}Shift+B`, icon: <QuoteIcon />, active: tools.quote, run: () => chain().toggleBlockquote().run() },
        { label: 'Code block', icon: <CodeBlockIcon />, active: tools.codeBlock, run: () => chain().toggleCodeBlock().run() },
      ],
    },
    {
      id: 'lists',
      label: 'Lists',
      collapse: 3,
      tools: [
        { label: 'Bulleted list', shortcut: `${mod}Shift+8`, icon: <BulletListIcon />, active: tools.bullet, run: () => chain().toggleBulletList().run() },
        { label: 'Numbered list', shortcut: `${mod}Shift+7`, icon: <OrderedListIcon />, active: tools.ordered, run: () => chain().toggleOrderedList().run() },
      ],
    },
    {
      id: 'align',
      label: 'Alignment',
      collapse: 1,
      tools: [
        { label: 'Align left', icon: <AlignLeftIcon />, active: tools.align === 'left', run: () => chain().setTextAlign('left').run() },
        { label: 'Align center', icon: <AlignCenterIcon />, active: tools.align === 'center', run: () => chain().setTextAlign('center').run() },
        { label: 'Align right', icon: <AlignRightIcon />, active: tools.align === 'right', run: () => chain().setTextAlign('right').run() },
      ],
    },
    {
      id: 'insert',
      label: 'Insert and clear',
      collapse: 1,
      tools: [
        { label: 'Horizontal rule', icon: <RuleIcon />, run: () => chain().setHorizontalRule().run() },
        { label: 'Clear formatting', icon: <ClearFormattingIcon />, run: () => chain().unsetAllMarks().clearNodes().run() },
      ],
    },
    {
      id: 'history',
      label: 'History',
      collapse: 0,
      tools: [
        { label: 'Undo', shortcut: `${mod}Z`, icon: <UndoIcon />, disabled: !tools.canUndo, run: () => chain().undo().run() },
        { label: 'Redo', shortcut: `${mod}Shift+Z`, icon: <RedoIcon />, disabled: !tools.canRedo, run: () => chain().redo().run() },
      ],
    },
  ];
}

/**
 * The formatting toolbar. It re-renders only when what it shows changes (an active mark,
 * undo becoming possible), never on every keystroke, so typing stays as fast as the editor.
 * It is one Tab stop, just before the body; the arrow keys move inside it. On a narrow
 * composer the less used groups move into "More" (container queries in renderer/styles/layout.css pick
 * which), so the toolbar is always one row.
 */
export function Toolbar(props: { editor: Editor; onLink: () => void; onInsertTemplate: () => void; onSaveTemplate: () => void }) {
  const { editor } = props;
  const tools = useEditorState({ editor, selector: ({ editor: e }) => readTools(e), equalityFn: sameTools });
  const [focused, setFocused] = useState('Bold');
  // A stop on a tool that became disabled (Undo with nothing to undo) would drop the toolbar from the Tab order.
  const current = (focused === 'Undo' && !tools.canUndo) || (focused === 'Redo' && !tools.canRedo) ? 'Bold' : focused;
  const groups = toolGroups(editor, tools, props.onLink);
  const history = groups.filter((g) => g.id === 'history');
  return (
    <RovingStop.Provider value={{ current, focused: setFocused }}>
      <div className="toolbar" role="toolbar" aria-label="Formatting" onKeyDown={moveFocus}>
        {groups
          .filter((g) => g.id !== 'history')
          .map((group) => (
            <div key={group.id} className={`tool-group tool-group-${group.id}`} role="group" aria-label={group.label}>
              {group.tools.map((tool) => (
                <Tool key={tool.label} label={tool.label} shortcut={tool.shortcut} active={tool.active} disabled={tool.disabled} onClick={tool.run}>
                  {tool.icon}
                </Tool>
              ))}
            </div>
          ))}
        <ToolbarMore groups={groups.filter((g) => g.collapse > 0)} />
        <div className="tool-group tool-group-templates" role="group" aria-label="Templates">
          <Tool label="Insert template or snippet" shortcut="/ at the start of a word" onClick={props.onInsertTemplate}>
            <TemplateIcon />
          </Tool>
          <Tool label="Save as template" onClick={props.onSaveTemplate}>
            <SaveTemplateIcon />
          </Tool>
        </div>
        {history.map((group) => (
          <div key={group.id} className="tool-group tool-group-end" role="group" aria-label={group.label}>
            {group.tools.map((tool) => (
              <Tool key={tool.label} label={tool.label} shortcut={tool.shortcut} disabled={tool.disabled} onClick={tool.run}>
                {tool.icon}
              </Tool>
            ))}
          </div>
        ))}
      </div>
    </RovingStop.Provider>
  );
}
