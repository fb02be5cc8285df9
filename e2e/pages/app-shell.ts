import type { Locator, Page } from '@playwright/test';

/** Header and navigation shared by every page. */
export class AppShell {
  readonly navigation: Locator;
  readonly connection: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Main navigation' });
    this.connection = page.getByRole('status', { name: /^Connection:/ });
  }

  colorSchemeOption(name: 'Light' | 'Dark' | 'System'): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** Clicks an option's label, as a user does: Mantine keeps the radio input itself off-screen. */
  async selectColorScheme(name: 'Light' | 'Dark' | 'System') {
    const id = await this.colorSchemeOption(name).getAttribute('id');

    await this.page.locator(`label[for="${id}"]`).click();
  }

  /** Returns the `<html>` attribute that Mantine sets to the resolved colour scheme. */
  async colorScheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-mantine-color-scheme');
  }
}
