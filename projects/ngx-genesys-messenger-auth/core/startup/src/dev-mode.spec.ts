// Production builds (the Angular CLI defines `ngDevMode` as false) leave the error texts out; the
// profile server and the simulator, where Angular never defines it, keep them.
type ConfigValidation = typeof import('./config-validation');

const globals = globalThis as { ngDevMode?: unknown };

const saved = globals.ngDevMode;
afterEach(() => {
  if (saved === undefined) delete globals.ngDevMode;
  else globals.ngDevMode = saved;
});

/** The core's validation loaded afresh with `ngDevMode` set to `value` (kept until the test ends). */
function loadWith(value: unknown): ConfigValidation {
  globals.ngDevMode = value;
  let loaded: ConfigValidation | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per flag
    loaded = require('./config-validation') as ConfigValidation;
  });
  return loaded as ConfigValidation;
}

function thrownBy(validate: () => unknown): Error {
  try {
    validate();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const README_POINTER = 'see "Error codes" in the ngx-genesys-messenger-auth README';

describe('error texts and ngDevMode', () => {
  it('production (ngDevMode false): the code, the field and a pointer to the README', () => {
    const { validateMessengerAuthConfig } = loadWith(false);
    const invalid = thrownBy(() =>
      validateMessengerAuthConfig({ deploymentId: 'd', environment: 'prod', scope: 'profile' }),
    );
    expect(invalid.message).toBe(`NGMA4101 (scope): ${README_POINTER}`);
    expect(invalid).toMatchObject({ code: 4101, field: 'scope' });

    const typo = thrownBy(() =>
      validateMessengerAuthConfig({
        deploymentId: 'd',
        environment: 'prod',
        refresh: { leadMS: 1 } as never,
      }),
    );
    // No suggestion ("did you mean") and no list of fields in production.
    expect(typo.message).toBe(`NGMA4101 (refresh.leadMS): ${README_POINTER}`);
  });

  it('development (ngDevMode an object, as Angular sets it): the full text and suggestions', () => {
    const { validateMessengerAuthConfig } = loadWith({});
    const typo = thrownBy(() =>
      validateMessengerAuthConfig({ deploymentId: 'd', environment: 'prod', deploymnetId: 'x' }),
    );
    expect(typo.message).toMatch(
      /^NGMA4101: config has an unknown field "deploymnetId" \(did you mean "deploymentId"\?\)/,
    );
  });

  it('Node without Angular (ngDevMode undefined): the full text', () => {
    const { validateMessengerAuthConfig } = loadWith(undefined);
    const invalid = thrownBy(() =>
      validateMessengerAuthConfig({ deploymentId: 'd', environment: 'prod', scope: 'profile' }),
    );
    expect(invalid.message).toBe(
      'NGMA4101: scope must be scopes separated by single spaces, including "openid" (got "profile")',
    );
  });
});

describe('DEV_MODE (what call sites write as `DEV_MODE && text`)', () => {
  function devModeWith(value: unknown): boolean {
    globals.ngDevMode = value;
    let devMode: boolean | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per flag
      devMode = (require('./dev-mode') as typeof import('./dev-mode')).DEV_MODE;
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
      const { DEV_MODE } = require('./dev-mode') as typeof import('./dev-mode');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same module graph
      const errors = require('./errors') as typeof import('./errors');
      error = new errors.MessengerAuthError(
        errors.MessengerAuthErrorCode.PORTAL_SIGNED_OUT,
        DEV_MODE && 'nobody is signed in to the portal',
      );
    });
    expect(error?.message).toBe(`NGMA4128: ${README_POINTER}`);
  });
});
