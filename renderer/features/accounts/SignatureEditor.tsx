import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

/** A small rich-text editor for an account's signature (and a template's body); the composer inserts its HTML. */
export function SignatureEditor(props: { html: string; onChange: (html: string) => void; error?: string | undefined; label?: string }) {
  const label = props.label ?? 'Signature';
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: false, codeBlock: false, horizontalRule: false, link: { openOnClick: false } })],
    content: props.html,
    // The window's policy allows no inline style; the editor's base rules are in renderer/styles/composer.css.
    injectCSS: false,
    editorProps: {
      attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', class: 'signature-input', ...(props.error ? { 'aria-invalid': 'true' } : {}) },
    },
    // An empty editor is "<p></p>": store nothing rather than an empty paragraph.
    onUpdate: ({ editor: current }) => props.onChange(current.isEmpty ? '' : current.getHTML()),
  });
  const marks = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      list: current?.isActive('bulletList') ?? false,
    }),
  });
  const toggle = (name: 'bold' | 'italic' | 'list') => {
    const chain = editor?.chain().focus();
    if (!chain) return;
    if (name === 'bold') chain.toggleBold().run();
    else if (name === 'italic') chain.toggleItalic().run();
    else chain.toggleBulletList().run();
  };
  return (
    <div className="signature">
      <div className="signature-tools" role="toolbar" aria-label={`${label} formatting`}>
        <button type="button" aria-pressed={marks?.bold ?? false} onClick={() => toggle('bold')} title="Bold">
          <strong>B</strong>
        </button>
        <button type="button" aria-pressed={marks?.italic ?? false} onClick={() => toggle('italic')} title="Italic">
          <em>I</em>
        </button>
        <button type="button" aria-pressed={marks?.list ?? false} onClick={() => toggle('list')} title="Bulleted list">
          • List
        </button>
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
