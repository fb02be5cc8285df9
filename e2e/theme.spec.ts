import { expect, test } from '@playwright/test';

import { AppShell } from './pages/app-shell';
import { attachScreenshot } from './support/screenshots';

test.use({ colorScheme: 'light' });

test('theme switch turns the console dark and remembers it', async ({ page }, testInfo) => {
  await page.goto('/workflows');
  const shell = new AppShell(page);
  await expect(shell.connection).toContainText(/Local server · v/);
  expect(await shell.colorScheme()).toBe('light');

  await shell.selectColorScheme('Dark');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(shell.colorSchemeOption('Dark')).toBeChecked();
  await attachScreenshot(page, testInfo, 'workflows-dark');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await shell.selectColorScheme('System');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});
