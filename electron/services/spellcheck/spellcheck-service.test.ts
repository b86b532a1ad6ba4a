import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore, SETTINGS_FILE } from '../settings/settings-store.js';
import { ServiceError } from '../../../shared/service-error.js';
import { browserSpellcheck, createSpellcheckService, type SpellcheckEngine } from './spellcheck-service.js';

let dir = '';
const board = { post: () => undefined };
const openStore = () => openSettingsStore({ dir, notices: board });

/** Electron's session as the service sees it: the dictionaries Chromium has and what it was last told. */
function chromiumSession(system: string[] = ['en-GB', 'fr-CH']) {
  const applied: string[][] = [];
  const engine: SpellcheckEngine = {
    checker: 'chromium',
    dictionaries: () => ['de', 'de-DE', 'en-GB', 'en-US', 'fr', 'fr-FR', 'nl'],
    systemLanguages: () => system,
    apply: (languages) => void applied.push([...languages]),
  };
  return { engine, applied };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-spellcheck-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('spellcheck service', () => {
  it('follows the system at first: checks in its languages and says so', () => {
    const { engine, applied } = chromiumSession();
    const status = createSpellcheckService({ engine, store: openStore() }).status();
    expect(applied).toEqual([['en-GB', 'fr']]);
    expect(status).toMatchObject({ checker: 'chromium', chosen: [], systemDefault: ['en-GB', 'fr'], active: ['en-GB', 'fr'], max: 3 });
    expect(status.explanation).toBe('Spelling is checked in British English, French, following your system’s languages. Choose up to 3 languages to check in instead.');
  });

  it('a choice is applied at once, kept in the settings file, and applied again at the next start', async () => {
    const first = chromiumSession();
    const status = createSpellcheckService({ engine: first.engine, store: openStore() }).set(['nl', 'de-DE']);
    expect(first.applied.at(-1)).toEqual(['nl', 'de-DE']);
    expect(status).toMatchObject({ chosen: ['nl', 'de-DE'], active: ['nl', 'de-DE'] });
    expect(status.explanation).toContain('as chosen here');
    const raw = JSON.parse(await readFile(path.join(dir, SETTINGS_FILE), 'utf8')) as { spellcheckLanguages: string[] };
    expect(raw.spellcheckLanguages).toEqual(['nl', 'de-DE']);

    const restart = chromiumSession();
    createSpellcheckService({ engine: restart.engine, store: openStore() });
    expect(restart.applied).toEqual([['nl', 'de-DE']]);
  });

  it('an empty choice follows the system again', () => {
    const { engine, applied } = chromiumSession(['de-AT']);
    const service = createSpellcheckService({ engine, store: openStore() });
    service.set(['fr']);
    expect(service.set([]).active).toEqual(['de']);
    expect(applied.at(-1)).toEqual(['de']);
  });

  it('refuses a language without a dictionary with a sentence, and keeps the earlier choice', () => {
    const { engine } = chromiumSession();
    const service = createSpellcheckService({ engine, store: openStore() });
    service.set(['fr-FR']);
    let failure: unknown;
    try {
      service.set(['en-GB', 'ja']);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ServiceError);
    expect((failure as ServiceError).failure).toMatchObject({ kind: 'validation', message: 'There is no spellcheck dictionary for “Japanese” here; choose languages from the list.' });
    expect(service.status().chosen).toEqual(['fr-FR']);
  });

  it('on macOS the system checks: nothing to choose, and choosing says where to go', () => {
    const applied: string[][] = [];
    const engine: SpellcheckEngine = { checker: 'system', dictionaries: () => [], systemLanguages: () => ['en-GB'], apply: (l) => void applied.push([...l]) };
    const service = createSpellcheckService({ engine, store: openStore() });
    expect(service.status()).toMatchObject({ checker: 'system', dictionaries: [], active: ['en-GB'] });
    expect(() => service.set(['en-GB'])).toThrow(/System Settings/);
    expect(applied).toEqual([]);
  });

  it('in the harness the browser checks; the choice is kept and listed', () => {
    const service = createSpellcheckService({ engine: browserSpellcheck(['en-US']), store: openStore() });
    expect(service.status().explanation).toContain('Chromium’s own spellchecker');
    expect(service.status().dictionaries).toContain('pt-BR');
    const status = service.set(['pt-BR', 'es-419']);
    expect(status.chosen).toEqual(['pt-BR', 'es-419']);
    expect(status.explanation).toContain('Chosen here: Brazilian Portuguese, Latin American Spanish');
  });
});
