import { describe, expect, it } from 'vitest';
import { findAttachmentMention } from './attachment-reminder.js';

describe('findAttachmentMention', () => {
  it.each([
    ['Please see the attached report.', 'attached'],
    ['The ATTACHMENT is large', 'ATTACHMENT'],
    ['I will attach the slides', 'attach'],
    ['Two attachments below', 'attachments'],
    ['Enclosed is the invoice', 'Enclosed'],
    ['Anbei die Rechnung.', 'Anbei'],
    ['Siehe Anhang.', 'Anhang'],
    ['Ich habe die Datei angehängt', 'angehängt'],
    ['die beigefügte Liste', 'beigefügte'],
    ['Veuillez trouver ci-joint le contrat', 'ci-joint'],
    ['voir la pièce jointe', 'pièce jointe'],
    ['deux pièces  jointes', 'pièces  jointes'],
    ['Te envío el archivo adjunto', 'adjunto'],
    ['Adjuntamos la factura', 'Adjuntamos'],
    ['Segue em anexo o relatório', 'em anexo'],
    ['o ficheiro anexado', 'anexado'],
    ['Zie bijlage', 'bijlage'],
    ['de bijgevoegde offerte', 'bijgevoegde'],
    ['Trovi il file in allegato', 'in allegato'],
    ['i documenti allegati', 'allegati'],
    // Decomposed umlaut (a + U+0308), as some keyboards and pastes produce it.
    ['Datei angeha\u0308ngt', 'angehängt'],
    ['«attached»', 'attached'],
    ['see attached.', 'attached'],
  ])('%s -> %s', (body, word) => {
    expect(findAttachmentMention('', body)).toBe(word);
  });

  it.each([
    'The cable was unattached from the wall.',
    'a detachment of soldiers',
    'Reattached the wheel',
    'Mein Anhänger ist kaputt',
    'We met at the joint venture office',
    'Die Anlage ist groß',
    'attachedness is not a word',
    'enclosedness',
    'Alle bijlagen_ok',
    'nothing to see here',
    '',
  ])('does not match %j', (body) => {
    expect(findAttachmentMention('Hello', body)).toBeNull();
  });

  it('looks at the subject first, then the body', () => {
    expect(findAttachmentMention('Invoice attached', 'see the enclosed file')).toBe('attached');
    expect(findAttachmentMention('Invoice', 'see the enclosed file')).toBe('enclosed');
    expect(findAttachmentMention('Contrat en pièce jointe', '')).toBe('pièce jointe');
  });
});
