import { describe, expect, it } from 'vitest';
import { sendQuestions } from './send-questions.js';

describe('what Send asks before the message goes', () => {
  it('asks about an empty subject and a mentioned attachment that is missing', () => {
    expect(sendQuestions({ subject: '  ', attachmentCount: 0, authoredText: 'Please find the report attached.' })).toEqual([
      'This message has no subject. Send it anyway?',
      expect.stringContaining('but nothing is attached. Send it anyway?'),
    ]);
  });

  it('asks nothing when the subject is there and the mentioned file is attached', () => {
    expect(sendQuestions({ subject: 'Report', attachmentCount: 1, authoredText: 'Please find the report attached.' })).toEqual([]);
  });
});
