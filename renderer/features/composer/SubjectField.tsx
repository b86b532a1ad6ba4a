import type { Editor } from '@tiptap/react';

/** Subject; Tab and Enter both go on to the body (the toolbar is reached with Shift+Tab from there). */
export function SubjectField(props: { subject: string; editor: Editor; onChange: (subject: string) => void }) {
  return (
    <div className="composer-row">
      <label className="composer-label" htmlFor="composer-subject">
        Subject
      </label>
      <input
        id="composer-subject"
        className="subject-input"
        type="text"
        value={props.subject}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || (event.key === 'Tab' && !event.shiftKey)) {
            event.preventDefault();
            // At once, not TipTap's focus command: that one focuses a frame later, so keys typed in
            // that frame land in Subject, and a second Tab in it is pulled back into the body.
            props.editor.commands.setTextSelection(1);
            props.editor.view.focus();
          }
        }}
      />
    </div>
  );
}
