import type { z } from 'zod';
import { channels, isChannelName, type ChannelName, type ChannelOutput, type ParsedInput } from '../../shared/ipc.js';
import type { Failure, Result } from '../../shared/result.js';
import { publicFailure, ServiceError } from '../../shared/service-error.js';
import type { SenderInfo } from './sender.js';

/** One service call per channel, receiving input that has already been parsed. */
export type HandlerTable = {
  [C in ChannelName]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export type Dispatch = (channel: unknown, input: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

function describeIssues(error: z.ZodError): { message: string; fields: NonNullable<Failure['fields']> } {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(input)',
    message: issue.message,
  }));
  return { message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields };
}

/**
 * Turns the handler table into the one entry point both Electron's ipcMain and the
 * harness's WebSocket call. It never throws: an error thrown across IPC keeps only its
 * message, so every outcome is a result.
 */
export function createDispatcher(
  handlers: HandlerTable,
  options: { isTrustedSender: (sender: SenderInfo) => boolean; onUnexpectedError?: (channel: string, error: unknown) => void },
): Dispatch {
  return async (channel, input, sender) => {
    // Sender first: an untrusted frame learns nothing, not even whether its input was valid.
    if (!options.isTrustedSender(sender)) {
      return { ok: false, error: { kind: 'forbidden', message: 'This request did not come from the app window and was refused.' } };
    }
    if (!isChannelName(channel)) {
      return { ok: false, error: { kind: 'not_found', message: `There is no channel named "${String(channel).slice(0, 80)}".` } };
    }
    const contract = channels[channel];
    const parsed = contract.input.safeParse(input);
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error);
      return { ok: false, error: { kind: 'invalid_input', message: `The request to ${channel} was malformed: ${message}`, fields } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value: unknown = await handler(parsed.data);
      // Parsing the answer too strips anything the contract does not name, such as a secret.
      return { ok: true, value: contract.output.parse(value) };
    } catch (error) {
      // A service's or a provider's refusal (a preflight at submit) reaches the renderer as itself, never as 'internal'.
      if (error instanceof ServiceError) return { ok: false, error: publicFailure(error.failure) };
      options.onUnexpectedError?.(channel, error);
      return { ok: false, error: { kind: 'internal', message: `Something went wrong while handling ${channel}. Your work is unchanged; try again.` } };
    }
  };
}
