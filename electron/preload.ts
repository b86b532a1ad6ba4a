import { contextBridge, ipcRenderer } from 'electron';
import { buildMailer } from '../shared/mailer.js';

// Only the contract's channels cross the bridge; ipcRenderer itself never does.
contextBridge.exposeInMainWorld(
  'mailer',
  buildMailer({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (event, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  }),
);
