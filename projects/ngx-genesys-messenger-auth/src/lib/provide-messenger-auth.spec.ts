import { ApplicationInitStatus, type EnvironmentProviders, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import {
  installGenesysSnippet,
  validateMessengerAuthConfig,
  type GenesysHostWindow,
  type MessengerAuthConfig,
} from 'ngx-genesys-messenger-auth/core';
import {
  ConsoleMessengerAuthLogger,
  MessengerAuthLogger,
  MessengerAuthLogLevel,
} from 'ngx-genesys-messenger-auth/core';
import { MessengerAuth } from './messenger-auth';
import { engineLoaded, PORTAL_AUTH, RecordingLogger } from './messenger-auth.spec-helpers';
import { MessengerAuthModule } from './messenger-auth.module';
import { MESSENGER_AUTH_CONFIG_SOURCE } from './messenger-auth-tokens';
import { MessengerAwareOidcSecurityService } from './oidc/messenger-aware-oidc-security.service';
import {
  provideMessengerAuth,
  withMessengerAuthLogger,
  withMessengerSnippet,
} from './provide-messenger-auth';

const CONFIG: MessengerAuthConfig = {
  deploymentId: 'test-deployment',
  environment: 'prod-euw1',
  clientId: 'genesys-messenger',
};

function configure(...providers: (Provider | EnvironmentProviders)[]): void {
  TestBed.configureTestingModule({ providers: [...PORTAL_AUTH, ...providers] });
}

/** What `work` threw, or undefined. */
function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe(provideMessengerAuth.name, () => {
  beforeEach(() => {
    // A page with the deployment snippet; Messenger itself never loads in these tests.
    installGenesysSnippet(window, { environment: CONFIG.environment, deploymentId: 'x' });
  });

  afterEach(() => {
    delete (window as GenesysHostWindow).Genesys;
    jest.restoreAllMocks();
  });

  describe('with an invalid configuration', () => {
    const invalid = { ...CONFIG, refresh: { leadMs: -1 } };

    it('can still be listed among the providers (nothing is checked before start-up)', () => {
      expect(thrown(() => provideMessengerAuth(invalid))).toBeUndefined();
    });

    it('lets the app start, logs NGMA4101 naming the field once the engine has checked it, and stays off', async () => {
      const logger = new RecordingLogger();
      configure(provideMessengerAuth(invalid, withMessengerAuthLogger(logger)));
      const auth = TestBed.inject(MessengerAuth);
      await TestBed.inject(ApplicationInitStatus).donePromise;
      await engineLoaded(auth);
      await expect(TestBed.inject(MESSENGER_AUTH_CONFIG_SOURCE)).rejects.toMatchObject({
        code: 4101,
        field: 'refresh.leadMs',
        message: expect.stringMatching(/^NGMA4101: refresh\.leadMs /),
      });
      expect(logger.logged).toEqual([
        [
          MessengerAuthLogLevel.Error,
          'the bridge is off: it has no valid configuration',
          { error: expect.stringMatching(/^NGMA4101: refresh\.leadMs must be/) },
        ],
      ]);
      expect(auth.state()).toBe('anonymous');
      expect((window as GenesysHostWindow).Genesys?.q ?? []).toEqual([]);
    });
  });

  describe('with a valid configuration', () => {
    beforeEach(() => configure(provideMessengerAuth(CONFIG)));

    it('provides the configuration checked, with its defaults, once the engine has loaded', async () => {
      await expect(TestBed.inject(MESSENGER_AUTH_CONFIG_SOURCE)).resolves.toEqual(
        validateMessengerAuthConfig(CONFIG),
      );
    });

    it('replaces OidcSecurityService with the Messenger-aware one', () => {
      expect(TestBed.inject(OidcSecurityService)).toBeInstanceOf(MessengerAwareOidcSecurityService);
    });

    it('provides MessengerAuth, anonymous until the portal signs in', async () => {
      const auth = TestBed.inject(MessengerAuth);
      await TestBed.inject(ApplicationInitStatus).donePromise;
      expect(auth.state()).toBe('anonymous');
    });

    it('logs warnings and errors to the console by default', () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const logger = TestBed.inject(MessengerAuthLogger);
      logger.log(MessengerAuthLogLevel.Info, 'info');
      logger.log(MessengerAuthLogLevel.Warn, 'warn');
      expect(logger).toBeInstanceOf(ConsoleMessengerAuthLogger);
      expect(warn.mock.calls).toEqual([['[messenger-auth] warn']]);
    });
  });

  describe('when the injector is destroyed before start-up completes', () => {
    /** The commands the page queued for Messenger after start-up had its chance to run. */
    async function queuedAfterStartUp(destroy: boolean): Promise<unknown[]> {
      configure(provideMessengerAuth(CONFIG));
      const initialized = TestBed.inject(ApplicationInitStatus).donePromise;
      TestBed.inject(MessengerAuth);
      if (destroy) TestBed.resetTestingModule();
      await initialized;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return ((window as GenesysHostWindow).Genesys?.q ?? []).map((call) => Array.from(call)[0]);
    }

    it('registers the AuthProvider plugin when the injector lives', async () => {
      expect(await queuedAfterStartUp(false)).toContain('registerPlugin');
    });

    it('starts nothing when it was destroyed: no AuthProvider plugin reaches Messenger', async () => {
      expect(await queuedAfterStartUp(true)).not.toContain('registerPlugin');
    });
  });

  describe('on a page without the Messenger snippet', () => {
    beforeEach(() => delete (window as GenesysHostWindow).Genesys);

    it('reports the error state with NGMA4140 instead of failing unseen', async () => {
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      configure(provideMessengerAuth(CONFIG));
      const auth = TestBed.inject(MessengerAuth);
      const events: unknown[] = [];
      auth.events$.subscribe((event) => events.push(event));
      await TestBed.inject(ApplicationInitStatus).donePromise;
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(auth.state()).toBe('error');
      expect(events).toContainEqual(expect.objectContaining({ type: 'error', code: 'NGMA4140' }));
      expect(logged.mock.calls[0][0]).toMatch(/window\.Genesys is not defined/);
    });
  });

  describe('withMessengerAuthLogger', () => {
    it('installs a console logger of the given level', () => {
      const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
      configure(provideMessengerAuth(CONFIG, withMessengerAuthLogger(MessengerAuthLogLevel.Debug)));
      const logger = TestBed.inject(MessengerAuthLogger);
      logger.log(MessengerAuthLogLevel.Debug, 'debug');
      expect(logger).toBeInstanceOf(ConsoleMessengerAuthLogger);
      expect(info.mock.calls).toEqual([['[messenger-auth] debug']]);
    });

    it('silences levels below the given one', () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      configure(provideMessengerAuth(CONFIG, withMessengerAuthLogger(MessengerAuthLogLevel.Error)));
      TestBed.inject(MessengerAuthLogger).log(MessengerAuthLogLevel.Warn, 'warn');
      expect(warn).not.toHaveBeenCalled();
    });

    it('installs a logger of your own', () => {
      class Own extends MessengerAuthLogger {
        override log(): void {
          // Nothing to record: the test only checks which logger is provided.
        }
      }
      const own = new Own();
      configure(provideMessengerAuth(CONFIG, withMessengerAuthLogger(own)));
      expect(TestBed.inject(MessengerAuthLogger)).toBe(own);
    });
  });

  describe('in dev mode', () => {
    it('warns about a feature given twice', () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      provideMessengerAuth(CONFIG, withMessengerSnippet(), withMessengerSnippet());
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(/Snippet is given more than once/);
    });

    it('does not warn about different features', () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      provideMessengerAuth(
        CONFIG,
        withMessengerSnippet(),
        withMessengerAuthLogger(MessengerAuthLogLevel.Info),
      );
      expect(warn).not.toHaveBeenCalled();
    });
  });
});

describe(`${MessengerAuthModule.name}.forRoot`, () => {
  beforeEach(() => {
    installGenesysSnippet(window, { environment: CONFIG.environment, deploymentId: 'x' });
    TestBed.configureTestingModule({
      imports: [
        MessengerAuthModule.forRoot(CONFIG, withMessengerAuthLogger(MessengerAuthLogLevel.Info)),
      ],
      providers: PORTAL_AUTH,
    });
  });

  afterEach(() => delete (window as GenesysHostWindow).Genesys);

  it('gives the same providers as provideMessengerAuth', async () => {
    await expect(TestBed.inject(MESSENGER_AUTH_CONFIG_SOURCE)).resolves.toEqual(
      validateMessengerAuthConfig(CONFIG),
    );
    expect(TestBed.inject(OidcSecurityService)).toBeInstanceOf(MessengerAwareOidcSecurityService);
    expect(TestBed.inject(MessengerAuth)).toBeInstanceOf(MessengerAuth);
    expect(TestBed.inject(MessengerAuthLogger)).toBeInstanceOf(ConsoleMessengerAuthLogger);
  });
});
