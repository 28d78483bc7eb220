// `DEV_MODE` follows Angular's `ngDevMode`: production builds (the Angular CLI defines it as false)
// leave the error texts out.
import type * as DevModeModule from './dev-mode';
import type * as ErrorsModule from './errors';

const globals = globalThis as { ngDevMode?: unknown };

const saved = globals.ngDevMode;
afterEach(() => {
  if (saved === undefined) delete globals.ngDevMode;
  else globals.ngDevMode = saved;
});

const README_POINTER = 'see "Error codes" in the ngx-genesys-messenger-auth README';

describe('DEV_MODE (what call sites write as `DEV_MODE && text`)', () => {
  function devModeWith(value: unknown): boolean {
    globals.ngDevMode = value;
    let devMode: boolean | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per flag
      devMode = (require('./dev-mode') as typeof DevModeModule).DEV_MODE;
    });
    return devMode as boolean;
  }

  it('is false only when ngDevMode is false', () => {
    expect(devModeWith(false)).toBe(false);
    expect(devModeWith({})).toBe(true);
    expect(devModeWith(true)).toBe(true);
    expect(devModeWith(undefined)).toBe(true);
  });

  it('gives a production message of the code and pointer for a text left out', () => {
    globals.ngDevMode = false;
    let error: Error | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per flag
      const { DEV_MODE } = require('./dev-mode') as typeof DevModeModule;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same module graph
      const errors = require('./errors') as typeof ErrorsModule;
      error = new errors.MessengerAuthError(
        errors.MessengerAuthErrorCode.PORTAL_SIGNED_OUT,
        DEV_MODE && 'nobody is signed in to the portal',
      );
    });
    expect(error?.message).toBe(`NGMA4128: ${README_POINTER}`);
  });
});
