import type { GenesysGlobal, GenesysSnippetConfig } from './genesys-api';

/** A window as far as the Genesys snippet touches it. */
export interface GenesysHostWindow {
  Genesys?: GenesysGlobal;
  _genesysJs?: string;
}

/**
 * Does what the Genesys deployment snippet does (contract §1): defines `window.Genesys` as a stub
 * that queues its arguments on `Genesys.q`, records the load time (`.t`) and configuration (`.c`),
 * and — when a script URL is given — adds Messenger's bundle to the document. An existing
 * `window.Genesys` (a page's own snippet, or Messenger already loaded) is kept.
 * @param win the window to install into
 * @param config the deployment configuration
 * @param scriptUrl the URL of `genesys.min.js`; omit it to add no script
 */
export function installGenesysSnippet(
  win: Window & GenesysHostWindow,
  config: GenesysSnippetConfig,
  scriptUrl?: string,
): GenesysGlobal {
  win._genesysJs = 'Genesys';
  if (!win.Genesys) {
    const stub = function (this: unknown) {
      // eslint-disable-next-line prefer-rest-params -- the real stub queues `arguments` objects.
      (stub.q = stub.q ?? []).push(arguments);
    } as unknown as GenesysGlobal;
    win.Genesys = stub;
    stub.t = Date.now();
    stub.c = config;
    if (scriptUrl) {
      const script = win.document.createElement('script');
      script.async = true;
      script.src = scriptUrl;
      script.charset = 'utf-8';
      win.document.head.appendChild(script);
    }
  }
  return win.Genesys;
}
