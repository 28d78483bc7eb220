import { expect, type Locator, type Page } from '@playwright/test';

/** The simulated Messenger widget on a page, by its stable test ids. */
export class MessengerWidget {
  readonly launcher: Locator;
  readonly panel: Locator;
  readonly status: Locator;
  readonly reauthenticate: Locator;
  readonly messages: Locator;
  readonly sendError: Locator;

  constructor(private readonly page: Page) {
    this.launcher = page.getByTestId('messenger-launcher');
    this.panel = page.getByTestId('messenger-panel');
    this.status = page.getByTestId('messenger-auth-status');
    this.reauthenticate = page.getByTestId('messenger-reauth');
    this.messages = page.getByTestId('messenger-messages');
    this.sendError = page.getByTestId('messenger-send-error');
  }

  /** Waits until Messenger reports this authentication status. */
  async expectStatus(status: 'authenticated' | 'reauthenticate' | 'anonymous'): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', status);
  }

  /** Opens the panel (if closed) and sends a message. */
  async send(text: string): Promise<void> {
    if (!(await this.panel.isVisible())) await this.launcher.click();
    await this.page.getByTestId('messenger-input').fill(text);
    await this.page.getByTestId('messenger-send').click();
  }
}
