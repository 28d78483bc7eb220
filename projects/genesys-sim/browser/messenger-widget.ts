/**
 * The simulator's Messenger widget: launcher, panel, authentication status, the re-authenticate
 * state and a message box. It draws whatever state the emulator reports; sending fails while
 * Messenger holds no valid JWT. Stable `data-testid`s for the e2e tests.
 */
import type { MessengerEmulator, MessengerViewState } from 'ngx-genesys-messenger-auth/testing';

const STATUS_TEXT: Record<MessengerViewState['auth'], string> = {
  starting: 'Connecting…',
  anonymous: 'Not signed in',
  authenticating: 'Signing in…',
  authenticated: 'Signed in',
  reauthenticate: 'Session expired',
};

const STYLES = `
  :host { all: initial; font: 14px/1.4 system-ui, sans-serif; color: #1b1b1f; }
  .launcher { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border-radius: 50%;
    border: 0; background: #0b57d0; color: #fff; display: grid; place-items: center; cursor: pointer; z-index: 2147483000;
    box-shadow: 0 4px 12px rgb(0 0 0 / 25%); }
  .launcher:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f9ab00; outline-offset: 2px; }
  .panel { position: fixed; right: 20px; bottom: 88px; width: min(360px, calc(100vw - 40px)); height: 460px;
    max-height: calc(100vh - 120px); display: flex; flex-direction: column; background: #fff; border-radius: 12px;
    box-shadow: 0 8px 28px rgb(0 0 0 / 28%); overflow: hidden; z-index: 2147483000; }
  .panel[hidden] { display: none; }
  header { background: #0b57d0; color: #fff; padding: 12px 16px; }
  header h2 { margin: 0; font-size: 16px; }
  .status { font-size: 12px; opacity: .9; }
  .reauth { margin: 12px; padding: 12px; border-radius: 8px; background: #fdecea; color: #8c1d18; }
  .reauth[hidden] { display: none; }
  .reauth button, .compose button { border: 0; border-radius: 18px; padding: 8px 14px; background: #0b57d0;
    color: #fff; cursor: pointer; }
  ol { flex: 1; margin: 0; padding: 12px 16px; list-style: none; overflow-y: auto; }
  li { margin: 6px 0; padding: 8px 10px; border-radius: 10px; max-width: 80%; }
  li.me { margin-left: auto; background: #d3e3fd; }
  li.agent { background: #f1f3f4; }
  .error { color: #b3261e; padding: 0 16px; min-height: 1.4em; }
  .compose { display: flex; gap: 8px; padding: 12px; border-top: 1px solid #e0e0e0; }
  .compose input { flex: 1; padding: 8px 12px; border: 1px solid #747775; border-radius: 18px; }
`;

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { testId?: string; className?: string } = {},
): HTMLElementTagNameMap[K] {
  const { testId, ...rest } = props;
  const node = Object.assign(doc.createElement(tag), rest);
  if (testId) node.dataset['testid'] = testId;
  return node;
}

/** Draws the widget into the page (in its own shadow root) and keeps it in step with the emulator. */
export function mountMessengerWidget(doc: Document, messenger: MessengerEmulator): HTMLElement {
  const host = element(doc, 'div', { id: 'genesys-messenger' });
  const root = host.attachShadow({ mode: 'open' });
  root.append(element(doc, 'style', { textContent: STYLES }));

  const launcher = element(doc, 'button', { className: 'launcher', testId: 'messenger-launcher' });
  // A speech bubble; inline SVG needs no emoji font.
  launcher.innerHTML =
    '<svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" fill="currentColor">' +
    '<path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
  const panel = element(doc, 'section', {
    className: 'panel',
    testId: 'messenger-panel',
    hidden: true,
  });
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Chat with us');
  const status = element(doc, 'div', { className: 'status', testId: 'messenger-auth-status' });
  status.setAttribute('role', 'status');
  const header = element(doc, 'header');
  header.append(element(doc, 'h2', { textContent: 'Chat with us' }), status);

  const reauth = element(doc, 'div', {
    className: 'reauth',
    testId: 'messenger-reauth',
    hidden: true,
  });
  const reauthButton = element(doc, 'button', {
    testId: 'messenger-reauth-button',
    textContent: 'Re-authenticate',
  });
  reauth.append(
    element(doc, 'p', { textContent: 'Your session has expired. Sign in again to continue.' }),
    reauthButton,
  );

  const log = element(doc, 'ol', { testId: 'messenger-messages' });
  log.setAttribute('aria-live', 'polite');
  const error = element(doc, 'div', { className: 'error', testId: 'messenger-send-error' });
  const input = element(doc, 'input', { testId: 'messenger-input', placeholder: 'Type a message' });
  input.setAttribute('aria-label', 'Message');
  const send = element(doc, 'button', {
    testId: 'messenger-send',
    textContent: 'Send',
    type: 'submit',
  });
  const compose = element(doc, 'form', { className: 'compose' });
  compose.append(input, send);
  panel.append(header, reauth, log, error, compose);
  root.append(launcher, panel);

  const say = (who: 'me' | 'agent', text: string) =>
    log.append(element(doc, 'li', { className: who, textContent: text }));
  const render = (state: MessengerViewState) => {
    panel.hidden = !state.open;
    launcher.setAttribute('aria-expanded', String(state.open));
    launcher.setAttribute('aria-label', state.open ? 'Close chat' : 'Open chat');
    status.textContent = STATUS_TEXT[state.auth];
    status.dataset['status'] = state.auth;
    reauth.hidden = state.auth !== 'reauthenticate';
  };

  launcher.addEventListener('click', () => messenger.setOpen(!messenger.state.open));
  reauthButton.addEventListener('click', () => messenger.pressReAuthenticate());
  compose.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    error.textContent = '';
    say('me', text);
    messenger.sendMessage(text).then(
      (receipt) => say('agent', receipt.reply),
      (failure: unknown) => {
        error.textContent = `Message not delivered: ${failure instanceof Error ? failure.message : String(failure)}`;
      },
    );
  });
  messenger.onChange(render);
  render(messenger.state);
  doc.body.append(host);
  return host;
}
