import { configErrorOf } from '../testing/config-error-of';
import { refuseDevDefaultsOnNetwork, type DevDefault } from './dev-defaults';

const SECRET: DevDefault = {
  what: 'the default client secret',
  fix: 'pass --client-secret <secret>',
};
const CONTROLS: DevDefault = { what: 'the /__sim/ control API', fix: 'leave out --control-api' };

describe('refuseDevDefaultsOnNetwork', () => {
  it('lets dev defaults listen on loopback', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) {
      expect(() =>
        refuseDevDefaultsOnNetwork({ host, allowDevDefaultsOnNetwork: false }, [SECRET]),
      ).not.toThrow();
    }
  });

  it('refuses a non-loopback address while dev defaults are in force, naming each and its fix', () => {
    const error = configErrorOf(() =>
      refuseDevDefaultsOnNetwork({ host: '0.0.0.0', allowDevDefaultsOnNetwork: false }, [
        SECRET,
        CONTROLS,
      ]),
    );
    expect([error.code, error.message]).toEqual([
      'dev-defaults-on-network',
      '--host 0.0.0.0 is not a loopback address and dev defaults are in force: ' +
        'the default client secret (pass --client-secret <secret>); ' +
        'the /__sim/ control API (leave out --control-api). ' +
        'Bind 127.0.0.1, replace them, or pass --allow-dev-defaults-on-network if only you can ' +
        'reach this network',
    ]);
  });

  it('refuses a host name it cannot place without a lookup', () => {
    expect(
      configErrorOf(() =>
        refuseDevDefaultsOnNetwork({ host: 'my-laptop', allowDevDefaultsOnNetwork: false }, [
          SECRET,
        ]),
      ).code,
    ).toBe('dev-defaults-on-network');
  });

  it('lets a non-loopback address through with the override flag', () => {
    expect(() =>
      refuseDevDefaultsOnNetwork({ host: '10.0.0.5', allowDevDefaultsOnNetwork: true }, [SECRET]),
    ).not.toThrow();
  });

  it('lets a non-loopback address through once no dev default is in force', () => {
    expect(() =>
      refuseDevDefaultsOnNetwork({ host: '0.0.0.0', allowDevDefaultsOnNetwork: false }, []),
    ).not.toThrow();
  });
});
