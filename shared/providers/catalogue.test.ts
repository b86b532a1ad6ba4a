import { describe, expect, it } from 'vitest';
import { providerCatalogue, providerIds, type ProviderEntry } from './catalogue.js';

const entries: ProviderEntry[] = Object.values(providerCatalogue);

describe('the provider catalogue', () => {
  it('lists each vendor once, under its own id, in the order the Accounts form offers them', () => {
    expect(Object.keys(providerCatalogue)).toEqual([...providerIds]);
    for (const id of providerIds) expect(providerCatalogue[id].id).toBe(id);
  });

  it.each(entries.map((entry) => [entry.name, entry] as const))("%s: every form field and the key's address are settings the schema keeps", (_name, entry) => {
    const keys = Object.keys(entry.settings.shape);
    for (const field of entry.fields) expect(keys).toContain(field.key);
    if (entry.address !== null) expect(entry.fields.map((field) => field.key)).toContain(entry.address);
    // A vendor that takes a key has somewhere to send it; one that sends nowhere asks for none.
    expect(entry.address === null).toBe(entry.secretLabel === null);
  });

  it('offers as choices only values the settings schema accepts', () => {
    for (const entry of entries) {
      for (const field of entry.fields) {
        for (const choice of field.choices ?? []) expect(entry.settings.shape[field.key]?.safeParse(choice.value).success).toBe(true);
      }
    }
  });
});
