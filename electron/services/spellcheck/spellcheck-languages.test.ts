import { describe, expect, it } from 'vitest';
import { MAX_SPELLCHECK_LANGUAGES, pickSpellcheckLanguages } from './spellcheck-languages.js';

// A slice of what Chromium reports on Linux and Windows.
const available = ['af', 'bg', 'da', 'de', 'de-DE', 'en-AU', 'en-CA', 'en-GB', 'en-US', 'es', 'es-419', 'es-ES', 'fr', 'fr-FR', 'nl', 'pt-BR', 'pt-PT', 'sv'];

describe('pickSpellcheckLanguages', () => {
  it.each([
    [['en-GB'], ['en-GB']],
    [['en-GB', 'de-DE'], ['en-GB', 'de-DE']],
    // Region-less or unknown regions fall to the language's own dictionary or its usual region.
    [['en'], ['en-US']],
    [['en-IE'], ['en-US']],
    [['de-AT'], ['de']],
    [['pt'], ['pt-PT']],
    [['pt-BR'], ['pt-BR']],
    [['es-MX'], ['es']],
    // Operating systems write tags in their own ways.
    [['en_GB'], ['en-GB']],
    [['EN-gb'], ['en-GB']],
    [['ja-JP', 'fr-CA'], ['fr']],
    [['en-US', 'en-GB', 'en'], ['en-US', 'en-GB']],
    // Nothing the system prefers has a dictionary: US English.
    [['ja-JP', 'zh-CN'], ['en-US']],
    [[], ['en-US']],
  ])('system %j -> %j', (preferred, expected) => {
    expect(pickSpellcheckLanguages({ preferred, available })).toEqual(expected);
  });

  it(`uses at most ${MAX_SPELLCHECK_LANGUAGES} languages`, () => {
    expect(pickSpellcheckLanguages({ preferred: ['nl', 'sv', 'da', 'af', 'bg'], available })).toEqual(['nl', 'sv', 'da']);
  });

  it('prefers the languages chosen in the app, ignoring ones without a dictionary', () => {
    expect(pickSpellcheckLanguages({ preferred: ['en-US'], available, chosen: ['fr-FR', 'xx-YY'] })).toEqual(['fr-FR']);
    expect(pickSpellcheckLanguages({ preferred: ['en-GB'], available, chosen: ['xx-YY'] })).toEqual(['en-GB']);
    expect(pickSpellcheckLanguages({ preferred: ['en-GB'], available, chosen: [] })).toEqual(['en-GB']);
  });

  it('answers no languages when there are no dictionaries (macOS uses its own checker)', () => {
    expect(pickSpellcheckLanguages({ preferred: ['en-US'], available: [] })).toEqual([]);
  });
});
