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
            // TipTap's focus waits a frame; keys typed in that frame would still land in Subject.
            props.editor.view.focus();
            props.editor.commands.focus('start');
          }
        }}
      />
    </div>
  );
}
