import type { ReactNode } from 'react';
import { DefaultMailApp, SpellcheckLanguages } from '../desktop/index.js';
import { NotifySetting, OutboxSettingsError, PaceSettings, UndoDelaySetting } from '../outbox/index.js';

function Group(props: { id: string; title: string; lead: string; children: ReactNode }) {
  return (
    <section className="panel settings-group" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <p className="panel-lead">{props.lead}</p>
      <div className="settings-body">{props.children}</div>
    </section>
  );
}

/**
 * Every setting in one place (the sidebar's Settings, the menu's Preferences / Settings, or
 * Ctrl+,), grouped by what they are about. Accounts keep their own screen.
 */
export function SettingsView() {
  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <OutboxSettingsError />
      <Group id="settings-sending" title="Sending" lead="What happens after you press Send.">
        <UndoDelaySetting />
        <PaceSettings />
      </Group>
      <Group id="settings-composing" title="Composing" lead="How the composer checks what you write.">
        <SpellcheckLanguages />
      </Group>
      <Group id="settings-notifications" title="Notifications" lead="What Composer tells you on the desktop.">
        <NotifySetting />
      </Group>
      <Group id="settings-computer" title="This computer" lead="How Composer fits in with the rest of this computer.">
        <DefaultMailApp />
      </Group>
    </section>
  );
}
