/** A page with an AuthProvider plugin around the emulator, for the emulator's specs. */
import {
  installGenesysSnippet,
  type GenesysCommandEvent,
  type GenesysGlobal,
  type GenesysPlugin,
} from 'ngx-genesys-messenger-auth/core';
import { TEST_DEPLOYMENT, type InMemoryGenesysBackend } from '../backend/in-memory-genesys-backend';
import { MessengerEmulator, type EmulatorWindow } from './messenger-emulator';
import type { MessengerVariants } from './messenger-variants';

/** The redirect URI the specs' codes go with. */
export const REDIRECT = 'http://localhost:4200/messenger/callback';

/** A browser tab: its own window object and `Genesys`, the origin's shared localStorage. */
export class Tab extends EventTarget implements EmulatorWindow {
  Genesys?: GenesysGlobal;
  readonly localStorage = window.localStorage;
  readonly document = window.document;
}

/** What a page's AuthProvider plugin saw and how it answers; each test sets the answers. */
export class ProviderScript {
  readonly calls: string[] = [];
  /** The short names of the `Auth.*` events it heard, in order. */
  readonly events: string[] = [];
  /** The data of each event it heard, by short name (the last one). */
  readonly eventData = new Map<string, unknown>();
  plugin!: GenesysPlugin;
  getAuthCode: (e: GenesysCommandEvent) => void = () => undefined;
  reAuthenticate: (e: GenesysCommandEvent) => void = () => undefined;
  signIn: (e: GenesysCommandEvent) => void = () => undefined;

  install(tab: Tab): void {
    installGenesysSnippet(tab as unknown as Window, {
      environment: 'test',
      deploymentId: TEST_DEPLOYMENT.id,
    });
    tab.Genesys?.('registerPlugin', 'AuthProvider', (plugin) => {
      this.plugin = plugin;
      for (const name of ['getAuthCode', 'reAuthenticate', 'signIn'] as const) {
        plugin.registerCommand(name, (e) => {
          this.calls.push(name);
          this[name](e);
        });
      }
      for (const event of [
        'authenticated',
        'loggedOut',
        'error',
        'authError',
        'tokenError',
        'signedIn',
        'signInFailed',
      ]) {
        plugin.subscribe(`Auth.${event}`, (e) => {
          this.events.push(event);
          this.eventData.set(event, e.data);
        });
      }
      plugin.ready();
    });
  }
}

/** Answers `getAuthCode` (or `signIn`) with a code. */
export const answerCode = (value: string) => (e: GenesysCommandEvent) =>
  e.resolve({ authCode: value, redirectUri: REDIRECT });

/** Lets the bus deliver what is queued (jest fake timers). */
export const settle = () => jest.advanceTimersByTimeAsync(0);

/** Opens a tab with the script's AuthProvider and boots the emulator in it. */
export async function openTab(
  backend: InMemoryGenesysBackend,
  script: ProviderScript,
  variants: Partial<MessengerVariants> = {},
): Promise<{ tab: Tab; messenger: MessengerEmulator }> {
  const tab = new Tab();
  script.install(tab);
  const messenger = new MessengerEmulator({ window: tab, backend, variants });
  await messenger.boot();
  await settle();
  return { tab, messenger };
}
