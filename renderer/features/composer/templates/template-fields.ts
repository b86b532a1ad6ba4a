import type { Template, TemplateSave } from '../../../../shared/templates.js';
import type { ComposerState } from '../composer-state.js';
import { withAttachments } from '../composer-state.js';
import { chipsOf, recipientOf } from '../draft-sync/draft-content.js';
import { addChips } from '../recipients/recipients.js';

/** The message's fields as a template keeps them; the body comes from the editor. */
export function templateFromMessage(state: ComposerState, input: { name: string; accountId: string | null; html: string }): TemplateSave {
  return {
    kind: 'template',
    name: input.name,
    accountId: input.accountId,
    subject: state.subject,
    html: input.html,
    cc: state.lists.cc.map(recipientOf),
    bcc: state.lists.bcc.map(recipientOf),
    attachments: state.attachments,
  };
}

/**
 * A template applied to the message's fields: its subject replaces the subject (when it has
 * one), its Cc/Bcc and files join those already there (each recipient and file once). The To
 * recipients stay: they are who this message is for.
 */
export function withTemplateFields(state: ComposerState, template: Template): ComposerState {
  let lists = state.lists;
  lists = addChips(lists, 'cc', chipsOf(template.cc)).lists;
  lists = addChips(lists, 'bcc', chipsOf(template.bcc)).lists;
  const next = withAttachments({ ...state, lists }, template.attachments);
  return {
    ...next,
    subject: template.subject.trim() === '' ? state.subject : template.subject,
    showCc: state.showCc || lists.cc.length > 0,
    showBcc: state.showBcc || lists.bcc.length > 0,
  };
}
