import { expect, test } from '../fixtures.js';
import { connectAccounts } from '../composer-helpers.js';

const account = { label: 'Northwind', from: { name: 'Ann Lee', email: 'ann.lee@northwind-traders.example' }, settings: { provider: 'sandbox' as const }, signatureHtml: '' };

for (const width of [960, 1024, 1280, 1600]) {
  test(`at ${width} px nothing scrolls sideways, the toolbar is one row and the send reason reads as a sentence`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width, height: 900 });
    await connectAccounts(page, [account]);
    await page.getByRole('button', { name: 'New message' }).click();
    const composer = page.getByRole('region', { name: 'New message' });
    await page.keyboard.type('bea@example.org, carl@example,');
    await composer.getByLabel('Subject').fill('Layout check');
    await expect(composer.getByText('“carl@example” has no domain ending such as .com. Fix or remove it.')).toBeVisible();

    const layout = await page.evaluate(() => {
      const toolbar = document.querySelector('[role="toolbar"]')!;
      const tops = new Set(
        Array.from(toolbar.querySelectorAll<HTMLElement>('button.tool'))
          .filter((b) => b.offsetParent !== null)
          .map((b) => Math.round(b.getBoundingClientRect().top)),
      );
      const reason = document.getElementById('send-reason')!.getBoundingClientRect();
      const from = document.getElementById('composer-from')!.getBoundingClientRect();
      const composerBox = document.querySelector('.composer')!.getBoundingClientRect();
      return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, rows: tops.size, reasonWidth: reason.width, fromRight: from.right, composerRight: composerBox.right };
    });
    expect(layout.scroll).toBeLessThanOrEqual(layout.inner);
    expect(layout.rows).toBe(1);
    // A sentence, not one word per line.
    expect(layout.reasonWidth).toBeGreaterThan(220);
    expect(layout.fromRight).toBeLessThanOrEqual(layout.composerRight);

    const toolbar = composer.getByRole('toolbar', { name: 'Formatting' });
    const more = toolbar.getByRole('button', { name: 'More formatting' });
    if (await more.isVisible()) {
      // What does not fit is one menu away, working on the text like its button would.
      await composer.getByRole('textbox', { name: 'Message body' }).click();
      await page.keyboard.type('Centred line');
      await more.click();
      const menu = page.getByRole('menu', { name: 'More formatting' });
      await expect(menu.getByRole('menuitemcheckbox', { name: 'Align left' })).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitemcheckbox', { name: 'Align center' })).toBeFocused();
      await menu.getByRole('menuitemcheckbox', { name: 'Align center' }).click();
      await expect(menu).toHaveCount(0);
      await expect(composer.getByRole('textbox', { name: 'Message body' }).locator('p').first()).toHaveCSS('text-align', 'center');
      await more.click();
      await expect(menu.getByRole('menuitemcheckbox', { name: 'Align left' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await expect(more).toBeFocused();
    }

    const drafts = page.getByRole('region', { name: 'Drafts' });
    const toggle = page.getByRole('button', { name: /^Drafts \d+$/ });
    if (width < 1200) {
      await expect(drafts).toBeHidden();
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(drafts.getByRole('button', { name: /^Layout check/ })).toBeVisible();
      await drafts.getByRole('button', { name: 'New draft' }).focus();
      await page.keyboard.press('Escape');
      await expect(drafts).toBeHidden();
      await expect(toggle).toBeFocused();
    } else {
      await expect(drafts).toBeVisible();
      await expect(toggle).toBeHidden();
    }
  });
}

test('while a long message scrolls the window, the sidebar stays in view with Settings at its foot', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 700 });
  await connectAccounts(page, [account]);
  await page.getByRole('button', { name: 'New message' }).click();
  const body = page.getByRole('region', { name: 'New message' }).getByRole('textbox', { name: 'Message body' });
  await body.click();
  for (let line = 0; line < 30; line++) await page.keyboard.press('Enter');
  await page.keyboard.type('The last line');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(body.getByText('The last line')).toBeInViewport();
  await expect(page.getByRole('button', { name: 'New message' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Settings' }).or(page.getByRole('link', { name: 'Settings' }))).toBeInViewport();
});

test('over a long message the formatting tools and Send stay in view, and typing at the foot of the window keeps the caret clear of the Send bar', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 700 });
  await connectAccounts(page, [account]);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await body.click();
  for (let line = 1; line <= 60; line++) await page.keyboard.type(`Line ${line}\n`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect(composer.getByRole('button', { name: 'Send', exact: true })).toBeInViewport();
  await expect(composer.getByRole('toolbar', { name: 'Formatting' })).toBeInViewport();

  // Down from the top line by line: the browser scrolls the caret just into the window, under the Send bar; a key typed there brings it out.
  await page.keyboard.press('Control+Home');
  for (let press = 0; press < 30; press++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  const clear = await page.evaluate(() => {
    const caret = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const foot = document.querySelector('.composer-foot')!.getBoundingClientRect();
    const tools = document.querySelector('.composer-tools')!.getBoundingClientRect();
    return { belowTools: caret.top >= tools.bottom, aboveSend: caret.bottom <= foot.top };
  });
  expect(clear).toEqual({ belowTools: true, aboveSend: true });
  await expect(body.getByText('Line 31!', { exact: true })).toBeVisible();
});
