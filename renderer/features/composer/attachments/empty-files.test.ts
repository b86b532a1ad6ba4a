import { describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../../../../shared/message.js';
import { initialComposerState, withAttachments, withEmptyFileAnswer } from '../composer-state.js';

const file = (token: string, size: number): AttachmentRef => ({ token, filename: `${token}.txt`, mimeType: 'text/plain', size });

describe('an empty file is asked about before it joins the message', () => {
  it('holds 0-byte files apart until answered: yes attaches, no leaves them out', () => {
    const added = withAttachments(initialComposerState, [file('notes', 12), file('empty', 0), file('blank', 0)]);
    expect(added.attachments.map((a) => a.token)).toEqual(['notes']);
    expect(added.emptyFiles.map((a) => a.token)).toEqual(['empty', 'blank']);
    const kept = withEmptyFileAnswer(added, 'empty', true);
    expect(kept.attachments.map((a) => a.token)).toEqual(['notes', 'empty']);
    const dropped = withEmptyFileAnswer(kept, 'blank', false);
    expect(dropped.attachments.map((a) => a.token)).toEqual(['notes', 'empty']);
    expect(dropped.emptyFiles).toEqual([]);
    // The same copy added twice (a double drop) is asked about once.
    expect(withAttachments(added, [file('empty', 0)]).emptyFiles).toHaveLength(2);
  });
});
