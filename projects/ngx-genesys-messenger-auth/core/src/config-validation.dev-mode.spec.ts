// Production builds (the Angular CLI defines `ngDevMode` as false) leave the error texts out; the
// profile server and the simulator, where Angular never defines it, keep them.
import type * as ConfigValidationModule from './config-validation';

type ConfigValidation = typeof ConfigValidationModule;

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
