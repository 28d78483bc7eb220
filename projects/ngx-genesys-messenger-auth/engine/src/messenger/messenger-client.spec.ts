import { asyncScheduler } from 'rxjs';
import {
  MessengerAuthErrorCode,
  type GenesysGlobal,
  type GenesysHostWindow,
} from 'ngx-genesys-messenger-auth/core';
import { MessengerClient } from './messenger-client';

type Settle = [resolve: (value: unknown) => void, reject: (error: unknown) => void];

/** A page whose `Genesys` keeps every command's callbacks for the test to settle. */
function pageWithCommands(): { win: GenesysHostWindow; pending: Settle[] } {
  const pending: Settle[] = [];
  const genesys = ((...args: unknown[]) => {
    if (args[0] === 'command') pending.push([args[3], args[4]] as Settle);
  }) as unknown as GenesysGlobal;
  return { win: { Genesys: genesys } as GenesysHostWindow, pending };
}

describe(MessengerClient.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves a command with what Messenger answers', async () => {
    const { win, pending } = pageWithCommands();
    const answer = new MessengerClient(win, 30_000, asyncScheduler).command('Auth.refreshToken');
    pending[0][0]({ jwt: 'x' });
    await expect(answer).resolves.toEqual({ jwt: 'x' });
  });

  it('gives up on a command Messenger never answers, with a coded error', async () => {
    const { win } = pageWithCommands();
    const answer = new MessengerClient(win, 30_000, asyncScheduler).command('Auth.logout');
    const settled = expect(answer).rejects.toMatchObject({
      code: MessengerAuthErrorCode.MESSENGER_COMMAND_TIMEOUT,
    });
    await jest.advanceTimersByTimeAsync(30_000);
    await settled;
  });

  it('leaves no timer running once the command has settled', async () => {
    const { win, pending } = pageWithCommands();
    const answer = new MessengerClient(win, 30_000, asyncScheduler).command('Auth.getTokens');
    expect(jest.getTimerCount()).toBe(1);
    pending[0][1](new Error('refused'));
    await expect(answer).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0);
  });
});
