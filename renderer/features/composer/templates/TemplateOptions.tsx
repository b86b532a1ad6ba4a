import { snippetFromText } from '../../../../shared/snippet.js';
import type { Template } from '../../../../shared/templates.js';
import { htmlWords } from '../../../lib/html-words.js';

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/** What a template or snippet is, at a glance: its subject, or its first words. */
function detail(template: Template): string {
  if (template.kind === 'template' && template.subject.trim() !== '') return template.subject;
  return snippetFromText(htmlWords(template.html), 60);
}

/**
 * The templates and snippets to choose from, as a listbox: the focus stays in the body (or the
 * search box), which points at the active option; a click picks without taking the focus.
 */
export function TemplateOptions(props: { id: string; items: readonly Template[]; active: number; onPick: (template: Template) => void; onActive: (index: number) => void }) {
  return (
    <ul className="template-options" role="listbox" id={props.id} aria-label="Templates and snippets">
      {props.items.map((template, index) => (
        <li
          key={template.id}
          id={optionId(props.id, index)}
          role="option"
          aria-selected={index === props.active}
          className="template-option"
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => props.onActive(index)}
          onClick={() => props.onPick(template)}
        >
          <span className="template-option-name">{template.name}</span>
          <span className="template-option-kind">{template.kind === 'snippet' ? 'Snippet' : 'Template'}</span>
          <span className="template-option-detail">{detail(template)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Up and Down move the active option round the list (Home and End stay the text's); answers the new index. */
export function movedActive(key: string, active: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return (active + 1) % count;
  if (key === 'ArrowUp') return (active - 1 + count) % count;
  return null;
}
