import type { Locator, Page } from '@playwright/test';

/** The header's connection menu and the connection error state. */
export class ConnectionSwitcher {
  readonly button: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: /^Switch connection/ });
    this.error = page.getByRole('alert');
  }

  async open() {
    await this.button.click();

    return this.page.getByRole('menu');
  }

  /** Opens the menu and follows the connection's link. */
  async switchTo(name: string) {
    const menu = await this.open();
    await menu.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  }

  errorCode(): Locator {
    return this.error.getByTestId('error-code');
  }
}
