import { ProviderGrid } from '../providers/index.js';

export function Welcome() {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Write once, send through the API you already use</h1>
      <p className="welcome-lead">
        Composer keeps each account&apos;s credentials encrypted on this computer, sends through the vendor&apos;s own
        endpoint, and never loses a draft. Here is what each sender can carry:
      </p>
      <ProviderGrid />
    </section>
  );
}
