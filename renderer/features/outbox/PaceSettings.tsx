import { useEffect, useState } from 'react';
import type { AccountPace } from '../../../shared/batch.js';
import { bridge } from '../../lib/bridge.js';
import { selectAccounts, useAccountsStore } from '../accounts/index.js';

/**
 * Sending pace per account: at most N a minute and M a day for Send individually, defaults
 * from the vendor's own guidance; a batch waits rather than go over it.
 */
export function PaceSettings() {
  const accounts = useAccountsStore(selectAccounts);
  const [chosen, setAccountId] = useState('');
  // The accounts may arrive after the first render; until one is chosen, the first is meant.
  const accountId = accounts.some((a) => a.id === chosen) ? chosen : (accounts[0]?.id ?? '');
  const [current, setCurrent] = useState<AccountPace | null>(null);
  const [perMinute, setPerMinute] = useState('');
  const [perDay, setPerDay] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const show = (pace: AccountPace) => {
    setCurrent(pace);
    setPerMinute(String(pace.pace.perMinute));
    setPerDay(String(pace.pace.perDay));
  };
  useEffect(() => {
    if (!accountId) return;
    let live = true;
    void bridge()
      .outbox.pace({ accountId })
      .then((result) => {
        if (!live) return;
        if (result.ok) show(result.value);
        else setMessage(result.error.message);
      });
    return () => {
      live = false;
    };
  }, [accountId]);

  if (accounts.length === 0) return <p className="pace-source">Connect an account to set how fast Send individually may go.</p>;
  const save = async (reset: boolean) => {
    const pace = reset ? null : { perMinute: Number(perMinute), perDay: Number(perDay) };
    const result = await bridge().outbox.setPace({ accountId, pace });
    if (result.ok) {
      show(result.value);
      setMessage(reset ? 'Back to the vendor’s default pace.' : 'Pace saved.');
    } else setMessage(result.error.message);
  };
  return (
    <section className="pace-settings" aria-label="Sending pace">
      <h3 className="pace-title">Sending pace for Send individually</h3>
      <div className="pace-fields">
        <label>
          Account
          <select value={accountId} onChange={(event) => setAccountId(event.target.value)}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          At most per minute
          <input type="number" min={1} max={600} value={perMinute} onChange={(event) => setPerMinute(event.target.value)} />
        </label>
        <label>
          At most per day
          <input type="number" min={1} max={100000} value={perDay} onChange={(event) => setPerDay(event.target.value)} />
        </label>
        <button type="button" className="button-secondary" onClick={() => void save(false)}>
          Save pace
        </button>
        {current?.custom ? (
          <button type="button" className="link-button" onClick={() => void save(true)}>
            Use the vendor’s default
          </button>
        ) : null}
      </div>
      {current ? <p className="pace-source">{current.source}</p> : null}
      {message ? (
        <p className="pace-message" role="status">
          {message}
        </p>
      ) : null}
    </section>
  );
}
