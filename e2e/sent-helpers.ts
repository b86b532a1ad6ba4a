import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import type { HistoryThread } from '../shared/history.js';
import { expect } from './fixtures.js';

/** Sets the outbox's undo delay to 0, so a message leaves as soon as Send is pressed. */
export async function noUndoDelay(page: Page): Promise<void> {
  const result = await page.evaluate(() => window.mailer!.outbox.setSettings({ undoDelayMs: 0 }));
  expect(result.ok).toBe(true);
}

export async function writeAndSend(page: Page, to: string, subject: string, body: string): Promise<void> {
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const toField = composer.getByLabel('To', { exact: true });
  await toField.fill(to);
  await toField.press('Enter');
  await composer.getByLabel('Subject').fill(subject);
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type(body);
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer.getByLabel('Subject')).toHaveValue('');
}

export async function openSent(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Mailboxes' }).getByRole('button', { name: 'Sent' }).click();
  await expect(page.getByRole('heading', { name: 'Sent', level: 1 })).toBeVisible();
}

export async function threadOf(page: Page, subject: string): Promise<HistoryThread> {
  const page1 = await page.evaluate(() => window.mailer!.history.threads({ limit: 50 }));
  if (!page1.ok) throw new Error(page1.error.message);
  const summary = page1.value.threads.find((t) => t.subject === subject);
  if (!summary) throw new Error(`no thread “${subject}”`);
  const thread = await page.evaluate((id) => window.mailer!.history.thread({ id }), summary.id);
  if (!thread.ok) throw new Error(thread.error.message);
  return thread.value;
}

/** A loopback image server that counts the requests it gets. */
export function startImageServer(): Promise<{ server: Server; url: string; hits: () => number }> {
  let count = 0;
  const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const server = createServer((request, response) => {
    count += 1;
    response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(pixel);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/x.png`, hits: () => count });
    });
  });
}

