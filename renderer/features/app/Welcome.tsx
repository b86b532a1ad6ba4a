const VENDORS = [
  { name: 'Rollout Universal CRM', detail: 'Threads, HTML body' },
  { name: 'Rebilly', detail: 'Cc, Bcc, HTML and text' },
  { name: 'Stuut', detail: 'Cc, Bcc, Reply-To, threads' },
  { name: 'Unipile', detail: 'Attachments, Cc, Bcc, replies' },
  { name: 'CRM gateway', detail: 'Gmail or Office 365, attachments, safe retries' },
  { name: 'Sandbox', detail: 'Try everything without an account' },
];

export function Welcome() {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Write once, send through the API you already use</h1>
      <p className="welcome-lead">
        Composer keeps each account&apos;s credentials encrypted on this computer, sends through the vendor&apos;s own
        endpoint, and never loses a draft.
      </p>
      <ul className="vendor-grid" aria-label="Supported senders">
        {VENDORS.map((vendor) => (
          <li key={vendor.name} className="vendor-card">
            <span className="vendor-name">{vendor.name}</span>
            <span className="vendor-detail">{vendor.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
