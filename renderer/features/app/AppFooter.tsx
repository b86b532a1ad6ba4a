import type { AppInfo } from '../../../shared/ipc.js';
import { selectInfo, selectLoadError, useAppStore } from './store.js';

export function AppFooterView(props: { info: AppInfo | null; error: string | null }) {
  if (props.error) {
    return (
      <footer className="footer footer-error" role="alert">
        Composer could not reach its background process: {props.error}
      </footer>
    );
  }
  if (!props.info) return <footer className="footer">Starting…</footer>;
  const { name, version, platform, dataDir, runtime } = props.info;
  return (
    <footer className="footer" aria-label="About this app">
      <span data-testid="app-version">
        {name} {version}
      </span>
      <span>{platform}{runtime === 'harness' ? ' · browser harness' : ''}</span>
      <span className="footer-path" title={dataDir}>
        Data: {dataDir}
      </span>
    </footer>
  );
}

export function AppFooter() {
  const info = useAppStore(selectInfo);
  const error = useAppStore(selectLoadError);
  return <AppFooterView info={info} error={error} />;
}
