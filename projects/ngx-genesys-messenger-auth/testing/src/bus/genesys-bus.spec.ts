import type { GenesysEnvelope, GenesysPlugin } from 'ngx-genesys-messenger-auth/core';
import { GenesysBus } from './genesys-bus';

/** Lets every queued microtask and zero-delay timer run. */
const settle = () => jest.advanceTimersByTimeAsync(0);

function register(bus: GenesysBus, name: string): GenesysPlugin {
  let api!: GenesysPlugin;
  bus.registerPlugin(name, (plugin) => (api = plugin));
  return api;
}

describe(GenesysBus.name, () => {
  let bus: GenesysBus;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T09:00:00Z') });
    bus = new GenesysBus();
  });

  afterEach(() => jest.useRealTimers());

  describe('commands', () => {
    it('settles a command with the value its handler resolves', async () => {
      register(bus, 'Auth').registerCommand('getTokens', (e) => e.resolve({ ok: e.data }));
      await expect(bus.command('Auth.getTokens', 42)).resolves.toEqual({ ok: 42 });
    });

    it('rejects a command with the error its handler rejects', async () => {
      register(bus, 'Auth').registerCommand('refreshToken', (e) => e.reject(new Error('no')));
      await expect(bus.command('Auth.refreshToken')).rejects.toThrow('no');
    });

    it('passes {} as data when the caller gives none', async () => {
      register(bus, 'Auth').registerCommand('logout', (e) => e.resolve(e.data));
      await expect(bus.command('Auth.logout')).resolves.toEqual({});
    });

    it('never times out a command whose handler does not settle', async () => {
      register(bus, 'AuthProvider').registerCommand('getAuthCode', () => undefined);
      const outcome = jest.fn();
      bus.command('AuthProvider.getAuthCode').then(outcome, outcome);
      await jest.advanceTimersByTimeAsync(24 * 3600 * 1000);
      expect(outcome).not.toHaveBeenCalled();
    });

    it('keeps the first settlement when a handler resolves twice', async () => {
      register(bus, 'P').registerCommand('c', (e) => {
        e.resolve(1);
        e.resolve(2);
        e.reject(new Error('late'));
      });
      await expect(bus.command('P.c')).resolves.toBe(1);
    });

    it('turns an exception thrown by a handler into a rejection', async () => {
      register(bus, 'P').registerCommand('c', () => {
        throw new Error('boom');
      });
      await expect(bus.command('P.c')).rejects.toThrow('boom');
    });

    it('holds a command until its plugin registers it', async () => {
      const result = bus.command('AuthProvider.getAuthCode', { x: 1 });
      await settle();
      register(bus, 'AuthProvider').registerCommand('getAuthCode', (e) => e.resolve(e.data));
      await expect(result).resolves.toEqual({ x: 1 });
    });

    it('rejects a command that a ready plugin does not have', async () => {
      register(bus, 'Auth').ready();
      await expect(bus.command('Auth.nothing')).rejects.toThrow('Auth.nothing is not a command');
    });

    it('runs handlers asynchronously, never inside the caller', () => {
      const handler = jest.fn();
      register(bus, 'P').registerCommand('c', handler);
      void bus.command('P.c');
      expect(handler).not.toHaveBeenCalled();
    });
  });

  describe('events', () => {
    it('delivers the envelope {time, publisher, event, eventName, data}', async () => {
      const seen: GenesysEnvelope[] = [];
      bus.subscribe('Auth.authenticated', (e) => seen.push(e));
      register(bus, 'Auth').publish('authenticated', { jwt: 'j' });
      await settle();
      expect(seen).toEqual([
        {
          time: Date.parse('2026-11-26T09:00:00Z'),
          publisher: 'Auth',
          event: 'authenticated',
          eventName: 'Auth.authenticated',
          data: { jwt: 'j' },
        },
      ]);
    });

    it('delivers asynchronously', async () => {
      const callback = jest.fn();
      bus.subscribe('P.e', callback);
      bus.publish('P', 'e');
      expect(callback).not.toHaveBeenCalled();
      await settle();
      expect(callback).toHaveBeenCalledTimes(1);
    });

    it('does not replay a published event to a later subscriber', async () => {
      bus.publish('P', 'e', { n: 1 });
      const late = jest.fn();
      bus.subscribe('P.e', late);
      await settle();
      expect(late).not.toHaveBeenCalled();
    });

    it('replays a republished event to a later subscriber, without eventName', async () => {
      bus.publish('P', 'e', { n: 1 }, true);
      const late = jest.fn();
      bus.subscribe('P.e', late);
      await settle();
      expect(late).toHaveBeenCalledWith({
        time: Date.now(),
        publisher: 'P',
        event: 'e',
        data: { n: 1 },
      });
    });

    it("republishes a plugin's ready event, so a late subscriber still hears it", async () => {
      register(bus, 'AuthProvider').ready();
      await settle();
      const late = jest.fn();
      bus.subscribe('AuthProvider.ready', late);
      await settle();
      expect(late).toHaveBeenCalledTimes(1);
    });

    it("removes only the unsubscribing plugin's subscriptions to that event", async () => {
      const a = register(bus, 'A');
      const b = register(bus, 'B');
      const fromA = jest.fn();
      const fromB = jest.fn();
      a.subscribe('X.e', fromA);
      b.subscribe('X.e', fromB);
      a.unsubscribe('X.e');
      bus.publish('X', 'e');
      await settle();
      expect(fromA).not.toHaveBeenCalled();
      expect(fromB).toHaveBeenCalledTimes(1);
    });
  });

  describe('plugins', () => {
    it("refuses a second plugin with a taken name, with Messenger's message", () => {
      register(bus, 'AuthProvider');
      expect(() => register(bus, 'AuthProvider')).toThrow(
        "Can't register plugin AuthProvider -- Name is already taken",
      );
    });

    it('lets a plugin run commands of other plugins through its command()', async () => {
      register(bus, 'Auth').registerCommand('getTokens', (e) => e.resolve('tokens'));
      await expect(register(bus, 'AuthProvider').command('Auth.getTokens')).resolves.toBe('tokens');
    });

    it('shares a data model between plugins by dotted path', () => {
      const a = register(bus, 'A');
      const b = register(bus, 'B');
      a.data('user.profile.name', 'Alice');
      expect(b.data('user.profile.name')).toBe('Alice');
      expect(b.data('user.missing.deep')).toBeUndefined();
    });
  });
});
