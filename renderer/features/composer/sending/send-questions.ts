import { findAttachmentMention } from '../../../../shared/attachment-reminder.js';

/**
 * What Send asks before the message goes: an empty subject, or an attachment the text
 * mentions while none is attached. Empty when there is nothing to ask.
 */
export function sendQuestions(message: { subject: string; attachmentCount: number; authoredText: string }): string[] {
  const questions: string[] = [];
  if (message.subject.trim() === '') questions.push('This message has no subject. Send it anyway?');
  const mention = message.attachmentCount === 0 ? findAttachmentMention(message.subject, message.authoredText) : null;
  if (mention) questions.push(`You wrote “${mention}”, but nothing is attached. Send it anyway?`);
  return questions;
}
