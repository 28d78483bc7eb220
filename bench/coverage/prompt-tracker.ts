import type { MessengerAuthStatus } from 'ngx-genesys-messenger-auth/testing';

/**
 * A re-authenticate state shorter than this is a flash while the page signs Messenger in again
 * by itself, not a prompt: nobody could have pressed anything.
 */
export const PROMPT_MIN_MS = 1000;

/**
 * Counts the prompts of one tab. A prompt is a moment the user is asked to act: the page opens a
 * login page (a full-page navigation to the IdP's interactive login), or Messenger's widget shows
 * its Re-authenticate state for {@link PROMPT_MIN_MS} or longer. One episode — from the first sign
 * of it until Messenger is authenticated again — counts once, whatever it showed.
 */
export class PromptTracker {
  private count = 0;
  private since: number | null = null;
  private counted = false;
  private pages = 0;

  /** Messenger's widget changed. */
  view(status: MessengerAuthStatus): void {
    if (status === 'reauthenticate') {
      this.since ??= Date.now();
    } else if (status === 'authenticated') {
      this.settle();
      this.since = null;
      this.counted = false;
    }
  }

  /** The page navigated to the IdP's login page. */
  loginPage(): void {
    this.pages++;
    this.since ??= Date.now();
    if (this.counted) return;
    this.counted = true;
    this.count++;
  }

  /** How many times the page navigated to the IdP's login page. */
  loginPages(): number {
    return this.pages;
  }

  /** The prompts so far, counting an open episode that has lasted long enough. */
  settle(): number {
    if (this.since !== null && !this.counted && Date.now() - this.since >= PROMPT_MIN_MS) {
      this.counted = true;
      this.count++;
    }
    return this.count;
  }
}
