import { connectAccounts, saveDraft } from '../composer-helpers.js';
import { expect, test } from '../fixtures.js';

// Opening a draft shows it exactly as it was saved, however long it is.
const personal = { label: 'Personal', from: { email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '' };

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });

test('a long quoted thread opens whole and as saved: its links, formatting and alignment, and no web address linked that the writer left plain', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  const quoted = Array.from({ length: 600 }, (_, i) =>
    i % 50 === 0
      ? { type: 'paragraph', attrs: { textAlign: 'center' }, content: [text(`Centred line ${i}`)] }
      : paragraph(text(`Line ${i} of the thread `), text(`link ${i}`, [{ type: 'link', attrs: { href: `https://example.com/t/${i}` } }]), text(' and '), text('bold', [{ type: 'bold' }])),
  );
  const doc = { type: 'doc', content: [paragraph(text('Notes are on example.com ')), { type: 'heading', attrs: { level: 2 }, content: [text('Earlier')] }, { type: 'blockquote', content: quoted }] };
  await saveDraft(page, 'Long thread', doc);

  await page.getByRole('list', { name: 'Drafts list' }).getByRole('button', { name: /^Long thread/ }).click();
  const body = page.getByRole('region', { name: 'New message' }).getByRole('textbox', { name: 'Message body' });
  await expect(body.locator('blockquote > p')).toHaveCount(600);
  await expect(body.getByRole('heading', { name: 'Earlier', level: 2 })).toBeVisible();
  await expect(body.getByRole('link')).toHaveCount(588);
  await expect(body.getByRole('link', { name: 'link 599' })).toHaveAttribute('href', 'https://example.com/t/599');
  await expect(body.locator('blockquote > p.align-center')).toHaveCount(12);
  await expect(body.locator('blockquote strong')).toHaveCount(588);
  // Opening is not typing: the address written as plain text stays plain.
  await expect(body.locator('p').first()).toHaveText('Notes are on example.com');
  await expect(body.getByRole('link', { name: 'example.com' })).toHaveCount(0);
  // The first line has text, so no placeholder is drawn over it.
  await expect(body.locator('[data-placeholder]')).toHaveCount(0);
  // The caret waits at the top, where the message is read from: typing there goes before the thread.
  await body.focus();
  await page.keyboard.type('Before the thread. ');
  await expect(body.locator('p').first()).toHaveText('Before the thread. Notes are on example.com');
  // The thread's far end, in a quote whose later lines are drawn only when near the view, is one key away.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (end)');
  const end = body.locator('blockquote > p').last();
  await expect(end).toHaveText('Line 599 of the thread link 599 and bold (end)');
  await expect(end).toBeInViewport();
});

test('a new message shows "Write your message…" in its empty first line until something is typed', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  const body = page.getByRole('region', { name: 'New message' }).getByRole('textbox', { name: 'Message body' });
  const first = body.locator('p').first();
  await expect(first).toHaveAttribute('data-placeholder', 'Write your message…');
  expect(await first.evaluate((p) => getComputedStyle(p, '::before').content)).toBe('"Write your message…"');
  await body.click();
  await page.keyboard.type('Hello');
  await expect(body.locator('[data-placeholder]')).toHaveCount(0);
});

test('a long message is drawn where a person looks: its end reached from the keyboard, typed there and in view, and a quote spaced as in a short one', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  const lines = Array.from({ length: 800 }, (_, i) => paragraph(text(`Line ${i} of the report`)));
  lines.splice(400, 0, { type: 'blockquote', content: [paragraph(text('Quoted first')), paragraph(text('Quoted last'))] });
  await saveDraft(page, 'Long report', { type: 'doc', content: lines });

  await page.getByRole('list', { name: 'Drafts list' }).getByRole('button', { name: /^Long report/ }).click();
  const body = page.getByRole('region', { name: 'New message' }).getByRole('textbox', { name: 'Message body' });
  await expect(body.locator('p')).toHaveCount(802);
  await body.getByText('Line 0 of the report', { exact: true }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(', signed off');
  const last = body.getByText('Line 799 of the report, signed off', { exact: true });
  await expect(last).toBeInViewport();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Summary first. ');
  await expect(body.getByText('Summary first. Line 0 of the report', { exact: true })).toBeInViewport();

  // Once drawn, the quote's last line ends where the quote does, and the next line starts one paragraph gap below it.
  const quote = body.locator('blockquote');
  await quote.scrollIntoViewIfNeeded();
  const gaps = () =>
    quote.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const lastLine = element.lastElementChild!.getBoundingClientRect();
      const next = element.nextElementSibling!.getBoundingClientRect();
      const paragraphGap = parseFloat(getComputedStyle(element.previousElementSibling!).marginBottom);
      return { inside: Math.round(box.bottom - lastLine.bottom), after: Math.round(next.top - box.bottom - paragraphGap) };
    });
  // Drawn: the quote is as tall as its two lines (before that it has one line's estimated height).
  await expect.poll(async () => quote.evaluate((element) => element.getBoundingClientRect().height > 2 * element.firstElementChild!.getBoundingClientRect().height)).toBe(true);
  expect(await gaps()).toEqual({ inside: 0, after: 0 });
});
