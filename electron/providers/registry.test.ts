import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { accountSettingsSchema, providerIdSchema } from '../../shared/accounts.js';
import { capabilitiesSchema } from '../../shared/capabilities.js';
import { providerCatalogue } from '../../shared/providers/catalogue.js';
import { createProviderRegistry } from './registry.js';

describe('createProviderRegistry', () => {
  it('has one provider per id, each under its own id, with valid capabilities', () => {
    const registry = createProviderRegistry({ sandboxRecordFile: join(tmpdir(), 'unused-sandbox.jsonl') });
    expect(Object.keys(registry).sort()).toEqual([...providerIdSchema.options].sort());
    for (const [id, provider] of Object.entries(registry)) {
      expect(provider.id).toBe(id);
      expect(provider.displayName.length).toBeGreaterThan(0);
      expect(capabilitiesSchema.parse(provider.capabilities)).toEqual(provider.capabilities);
      // A provider that takes no files must not advertise room for them.
      if (!provider.capabilities.localAttachments) expect(provider.capabilities.maxAttachmentBytes).toBe(0);
    }
  });

  it('names each vendor and says what it carries exactly as the catalogue the forms and the composer read', () => {
    const registry = createProviderRegistry({ sandboxRecordFile: join(tmpdir(), 'unused-sandbox.jsonl') });
    for (const provider of Object.values(registry)) {
      const entry = providerCatalogue[provider.id];
      expect(provider.displayName).toBe(entry.name);
      expect(provider.capabilities).toEqual(entry.capabilities);
      // The account settings every screen validates are the entry's own.
      expect(accountSettingsSchema.options.find((option) => option.shape.provider.value === provider.id)).toBe(entry.settings);
    }
  });
});
