import { GenesysBus } from './genesys-bus';
import { GenesysDispatcher } from './genesys-dispatcher';

const settle = () => jest.advanceTimersByTimeAsync(0);

describe(GenesysDispatcher.name, () => {
  let bus: GenesysBus;
  let dispatcher: GenesysDispatcher;
  const reported: unknown[] = [];

  beforeEach(() => {
    jest.useFakeTimers();
    reported.length = 0;
    bus = new GenesysBus();
    dispatcher = new GenesysDispatcher(bus, (error) => reported.push(error));
    bus.registerPlugin('P', (p) => p.registerCommand('echo', (e) => e.resolve(e.data)));
  });

  afterEach(() => jest.useRealTimers());

  it('passes data and both callbacks of a command', async () => {
    dispatcher.open();
    const onResolve = jest.fn();
    dispatcher.global('command', 'P.echo', { a: 1 }, onResolve, jest.fn());
    await settle();
    expect(onResolve).toHaveBeenCalledWith({ a: 1 });
  });

  it('shifts the callbacks left when the third argument is a function, with {} as data', async () => {
    dispatcher.open();
    const onResolve = jest.fn();
    dispatcher.global('command', 'P.echo', onResolve);
    await settle();
    expect(onResolve).toHaveBeenCalledWith({});
  });

  it('calls onReject when the command fails', async () => {
    bus.registerPlugin('Q', (p) => p.registerCommand('fail', (e) => e.reject('nope')));
    dispatcher.open();
    const onReject = jest.fn();
    dispatcher.global('command', 'Q.fail', {}, jest.fn(), onReject);
    await settle();
    expect(onReject).toHaveBeenCalledWith('nope');
  });

  it('holds calls until opened, then runs the queued ones before the held ones', async () => {
    const order: string[] = [];
    dispatcher.global('command', 'P.echo', 'held', (v: unknown) => order.push(String(v)));
    await settle();
    expect(order).toEqual([]);
    dispatcher.open([['command', 'P.echo', 'queued', (v: unknown) => order.push(String(v))]]);
    await settle();
    expect(order).toEqual(['queued', 'held']);
  });

  it('drains `arguments` objects as the real snippet queues them', async () => {
    const seen = jest.fn();
    const queue: IArguments[] = [];
    (function queueArgs(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params -- the snippet stub queues `arguments`.
      queue.push(arguments);
    })('subscribe', 'P.e', seen);
    dispatcher.open(queue);
    bus.publish('P', 'e');
    await settle();
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('reports a failing queued call without stopping the rest of the queue', async () => {
    const later = jest.fn();
    dispatcher.open([
      ['registerPlugin', 'P', () => undefined],
      ['command', 'P.echo', 'still runs', later],
    ]);
    await settle();
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toContain('Name is already taken');
    expect(later).toHaveBeenCalledWith('still runs');
  });

  it('throws on a call it does not know, once open', () => {
    dispatcher.open();
    const call = dispatcher.global as unknown as (...args: unknown[]) => void;
    expect(() => call('explode')).toThrow('Genesys: unknown call "explode"');
  });
});
