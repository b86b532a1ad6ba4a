import { useEffect } from 'react';
import { selectSpellcheck, useDesktopStore } from './store.js';

const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(tag: string): string {
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Which languages the spellchecker checks in: the system's, or up to a few chosen here. */
export function SpellcheckLanguages() {
  const status = useDesktopStore(selectSpellcheck);
  const error = useDesktopStore((state) => state.spellcheckError);
  const { loadSpellcheck, toggleLanguage, followSystemLanguages } = useDesktopStore.getState();
  useEffect(() => {
    void loadSpellcheck();
  }, [loadSpellcheck]);
  const full = status ? status.chosen.length >= status.max : false;
  return (
    <section className="vault desktop-setting" aria-labelledby="spellcheck-languages-title">
      <h3 id="spellcheck-languages-title" className="desktop-setting-title">
        Spellcheck languages
      </h3>
      {status ? (
        <p className="vault-message" aria-live="polite">
          {status.explanation}
        </p>
      ) : null}
      {status && status.dictionaries.length > 0 ? (
        <fieldset className="spellcheck-languages">
          <legend>Check spelling in (up to {status.max})</legend>
          {status.dictionaries.map((tag) => {
            const checked = status.chosen.includes(tag);
            return (
              <label key={tag} className="spellcheck-language">
                <input type="checkbox" checked={checked} disabled={!checked && full} onChange={() => void toggleLanguage(tag)} />
                {languageName(tag)}
              </label>
            );
          })}
        </fieldset>
      ) : null}
      {status && status.chosen.length > 0 ? (
        <button type="button" className="button-secondary" onClick={() => void followSystemLanguages()}>
          Follow the system’s languages
        </button>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
