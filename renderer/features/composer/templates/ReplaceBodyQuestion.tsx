import type { Template } from '../../../../shared/templates.js';

/** Asked before a template's body takes the place of text the person wrote. */
export function ReplaceBodyQuestion(props: { template: Template; onReplace: () => void; onAppend: () => void; onCancel: () => void }) {
  return (
    <div className="confirm template-question" role="alertdialog" aria-label={`Use template “${props.template.name}”?`} aria-describedby="template-question-text">
      <p id="template-question-text">
        The body already has text. Replace it with the body of “{props.template.name}”, or add the template’s body below it? Undo in the toolbar brings your text back.
      </p>
      <button type="button" className="button-danger-solid" onClick={props.onReplace} autoFocus>
        Replace the body
      </button>
      <button type="button" className="button-secondary" onClick={props.onAppend}>
        Add below
      </button>
      <button type="button" className="button-quiet" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
