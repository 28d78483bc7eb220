import { filter, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { TabChannel, TabMessage } from './tab-channel';
import { sameOriginFrame, uniqueName } from './tabs.browser.spec-helpers';

const OBSERVED = {
  type: 'jwt-observed',
  fingerprint: 'a1b2c3',
  receivedAt: 1_700_000_000_000,
  lifetimeMs: 300_000,
} as const;

/** The next message `receiver` hears from `sender` (an instance, or the `from` of raw messages). */
function nextFrom(receiver: TabChannel, sender: TabChannel | string): Promise<TabMessage> {
  const from = typeof sender === 'string' ? sender : sender.id;
  return firstValueFrom(
    receiver.messages$.pipe(
      filter((message) => message.from === from),
      timeout(2000),
    ),
  );
}

function collect(channel: TabChannel): TabMessage[] {
  const seen: TabMessage[] = [];
  channel.messages$.subscribe((message) => seen.push(message));
  return seen;
}

describe(TabChannel.name, () => {
  const channels: TabChannel[] = [];
  const open = (...args: ConstructorParameters<typeof TabChannel>) => {
    const channel = new TabChannel(...args);
    channels.push(channel);
    return channel;
  };

  afterEach(() => {
    channels.splice(0).forEach((channel) => channel.close());
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  describe('over BroadcastChannel', () => {
    it('delivers a message to the other instance, not to the sender', async () => {
      const name = uniqueName('tab-channel-spec');
      const sender = open(name);
      const receiver = open(name);
      const sentBack = collect(sender);
      const received = firstValueFrom(receiver.messages$.pipe(timeout(2000)));

      sender.post(OBSERVED);

      expect(await received).toEqual(
        jasmine.objectContaining({ ...OBSERVED, from: sender.id, at: jasmine.any(Number) }),
      );
      // A copy of its own message would have been on its way to the sender before the receiver
      // even had it: once the receiver's answer is in, the sender has heard all there was.
      const answer = nextFrom(sender, receiver);
      receiver.post({ type: 'signed-out' });
      await answer;
      expect(sentBack).toEqual([
        jasmine.objectContaining({ type: 'signed-out', from: receiver.id }),
      ]);
    });

    it('does not deliver between channels of different names', async () => {
      const name = uniqueName('tab-channel-spec');
      const sender = open(uniqueName('tab-channel-spec'));
      const receiver = open(name);
      const probe = open(name);
      const seen = collect(receiver);
      sender.post({ type: 'signed-out' });
      // The page's channels deliver in the order messages were posted: the probe's message,
      // posted after, arrives after the sender's would have.
      const probed = nextFrom(receiver, probe);
      probe.post({ type: 'session-ended', reason: 'probe' });
      await probed;
      expect(seen).toEqual([jasmine.objectContaining({ from: probe.id })]);
    });

    it('ignores malformed data posted on the same channel name', async () => {
      const name = uniqueName('tab-channel-spec');
      const receiver = open(name);
      const seen = collect(receiver);
      const raw = new BroadcastChannel(name);
      raw.postMessage({ type: 'jwt-observed', jwt: 'eyJ...', from: 'x', at: 1 });
      raw.postMessage('hello');
      // One sender's messages arrive in order: a well-formed one posted last comes after them.
      const wellFormed = nextFrom(receiver, 'raw');
      raw.postMessage({ type: 'signed-out', from: 'raw', at: 2 });
      await wellFormed;
      raw.close();
      expect(seen).toEqual([{ type: 'signed-out', from: 'raw', at: 2 }]);
    });

    it('completes messages$ and stops posting after close', async () => {
      const name = uniqueName('tab-channel-spec');
      const sender = open(name);
      const receiver = open(name);
      const probe = open(name);
      const seen = collect(receiver);
      let completed = false;
      sender.messages$.subscribe({ complete: () => (completed = true) });
      sender.close();
      expect(completed).toBeTrue();
      expect(() => sender.post({ type: 'signed-out' })).not.toThrow();
      // The page's channels deliver in the order messages were posted: the probe's message,
      // posted after, arrives after the closed sender's would have.
      const probed = nextFrom(receiver, probe);
      probe.post({ type: 'session-ended', reason: 'probe' });
      await probed;
      expect(seen).toEqual([jasmine.objectContaining({ from: probe.id })]);
    });
  });

  describe('over the localStorage fallback', () => {
    it('delivers between the page and a same-origin frame in both directions', async () => {
      const name = uniqueName('tab-channel-spec');
      const frameWindow = sameOriginFrame().contentWindow!;
      const page = open(name, { BroadcastChannel: null });
      const frame = open(name, {
        BroadcastChannel: null,
        window: frameWindow,
        storage: frameWindow.localStorage,
      });
      const pageSentBack = collect(page);

      const inFrame = firstValueFrom(frame.messages$.pipe(timeout(2000)));
      page.post({ type: 'session-ended', reason: 'refresh-token-expired' });
      expect(await inFrame).toEqual(
        jasmine.objectContaining({ type: 'session-ended', reason: 'refresh-token-expired' }),
      );
      expect(Object.keys(await inFrame)).not.toContain('nonce');

      const inPage = firstValueFrom(page.messages$.pipe(timeout(2000)));
      frame.post({ type: 'signed-out' });
      expect(await inPage).toEqual(
        jasmine.objectContaining({ type: 'signed-out', from: frame.id }),
      );
      expect(pageSentBack.filter((m) => m.from === page.id)).toEqual([]);
      expect(localStorage.getItem(`${name}:msg`)).toBeNull();
    });

    it('delivers identical messages posted twice', async () => {
      const name = uniqueName('tab-channel-spec');
      const frameWindow = sameOriginFrame().contentWindow!;
      const page = open(name, { BroadcastChannel: null });
      const frame = open(name, { BroadcastChannel: null, window: frameWindow });
      const two = firstValueFrom(frame.messages$.pipe(take(2), toArray(), timeout(2000)));
      page.post({ type: 'signed-out' });
      page.post({ type: 'signed-out' });
      expect((await two).length).toBe(2);
    });
  });
});
