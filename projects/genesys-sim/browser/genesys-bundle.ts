/**
 * The simulator's `genesys.min.js`: what the real bundle does on load, with the `/testing`
 * emulator as Messenger and the simulator (the script's own origin) as Genesys Cloud.
 */
import {
  MessengerEmulator,
  ɵHttpGenesysBackend as HttpGenesysBackend,
  type EmulatorWindow,
  type MessengerVariants,
} from 'ngx-genesys-messenger-auth/testing';
import { mountMessengerWidget } from './messenger-widget';

async function variantsOf(origin: string): Promise<Partial<MessengerVariants>> {
  try {
    const response = await fetch(`${origin}/__sim/variants`);
    return response.ok ? ((await response.json()) as Partial<MessengerVariants>) : {};
  } catch {
    // The simulator's variant switch is optional: without it the field behaviour applies.
    return {};
  }
}

async function load(scriptSrc: string): Promise<void> {
  const origin = new URL(scriptSrc).origin;
  const messenger = new MessengerEmulator({
    window: window as unknown as EmulatorWindow,
    backend: new HttpGenesysBackend({ api: origin, apiCdn: origin }),
    variants: await variantsOf(origin),
  });
  mountMessengerWidget(document, messenger);
  await messenger.boot();
}

const script = document.currentScript as HTMLScriptElement | null;
load(script?.src ?? location.href).catch((error: unknown) => {
  console.error('Genesys Messenger (simulated) failed to load:', error);
});
