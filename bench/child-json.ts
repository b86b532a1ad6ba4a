import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs a bench script in a Node process of its own (so its memory is measured alone) and
 * resolves with the JSON object on the last line it prints.
 */
export function runChildJson<T>(script: string, args: string[], options: { nodeFlags?: string[]; timeoutMs: number; name: string }): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', script, ...args], {
      cwd: path.resolve(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      // A child stuck (on a hung send, say) must not hang the bench run.
      timeout: options.timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
      } catch {
        reject(new Error(`${options.name} exited ${code}: ${stderr.trim().slice(-500)}`));
      }
    });
  });
}
