/**
 * Angular's development-mode flag: `false` in production builds (the Angular CLI defines it), an
 * object or `true` in development, and undefined where Angular never ran (Node: the profile server,
 * the simulator, jest suites of the core). Declared here so that the core needs no Angular import.
 */
declare const ngDevMode: unknown;

/**
 * Whether error texts and hints are wanted: everywhere except in production builds. Exported from
 * its own module on purpose: esbuild inlines an imported constant, so after the CLI defines
 * `ngDevMode` as `false` every `DEV_MODE && '…'` at a call site becomes `false` and its text is
 * dropped from the bundle (as Angular's own `ngDevMode && '…'` messages are).
 */
export const DEV_MODE: boolean = typeof ngDevMode === 'undefined' || !!ngDevMode;
