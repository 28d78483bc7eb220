import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { firstValueFrom, take, toArray } from 'rxjs';
import { MessengerAuth, type MessengerAuthEvent } from 'ngx-genesys-messenger-auth';
import {
  MessengerAuthTestingController,
  provideMessengerAuthTesting,
} from './messenger-auth-testing';

/** What a portal shows about chat: the bridge's state, and the way back when it ended. */
@Component({
  selector: 'portal-chat-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="state">{{ auth.state() }}</span>
    @if (auth.endReason()) {
      <button type="button" (click)="auth.signInToChat()">Sign in to chat</button>
    }
  `,
})
class ChatStatusComponent {
  readonly auth = inject(MessengerAuth);
}

describe(provideMessengerAuthTesting.name, () => {
  let controller: MessengerAuthTestingController;
  let auth: MessengerAuth;
  let fixture: ComponentFixture<ChatStatusComponent>;

  function text(selector: string): string | undefined {
    return (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim();
  }

  function button(): HTMLButtonElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector('button');
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideMessengerAuthTesting()] });
    controller = TestBed.inject(MessengerAuthTestingController);
    auth = TestBed.inject(MessengerAuth);
    fixture = TestBed.createComponent(ChatStatusComponent);
    await fixture.whenStable();
  });

  it('starts anonymous with no end reason and no refresh scheduled', () => {
    expect(auth.state()).toBe('anonymous');
    expect(auth.endReason()).toBeNull();
    expect(auth.nextRefreshAt()).toBeNull();
    expect(text('.state')).toBe('anonymous');
    expect(button()).toBeNull();
  });

  it('shows the state the controller sets', async () => {
    controller.setState('authenticated');
    await fixture.whenStable();

    expect(text('.state')).toBe('authenticated');
    expect(button()).toBeNull();
  });

  it('offers "Sign in to chat" while the bridge has ended', async () => {
    controller.setState('ended', 'login-required');
    await fixture.whenStable();

    expect(text('.state')).toBe('ended');
    expect(button()?.textContent?.trim()).toBe('Sign in to chat');
  });

  it('records the click on "Sign in to chat" as a call of signInToChat', async () => {
    controller.setState('ended', 'login-loop-prevented');
    await fixture.whenStable();

    button()?.click();

    expect(controller.callCount('signInToChat')).toBe(1);
    expect(controller.calls()).toEqual(['signInToChat']);
  });

  it('clears the end reason when the state leaves ended', async () => {
    controller.setState('ended', 'waiting-for-page');
    controller.setState('authorizing');
    await fixture.whenStable();

    expect(auth.endReason()).toBeNull();
    expect(button()).toBeNull();
  });

  it('updates signals and observables in the same turn', async () => {
    controller.setState('ended', 'refresh-failed');
    controller.setNextRefreshAt(1_700_000_000_000);

    expect(auth.state()).toBe('ended');
    expect(auth.endReason()).toBe('refresh-failed');
    expect(auth.nextRefreshAt()).toBe(1_700_000_000_000);
    expect(await firstValueFrom(auth.state$)).toBe('ended');
    expect(await firstValueFrom(auth.endReason$)).toBe('refresh-failed');
    expect(await firstValueFrom(auth.nextRefreshAt$)).toBe(1_700_000_000_000);
  });

  it('emits the events the controller emits on events$', async () => {
    const events: MessengerAuthEvent[] = [
      { type: 'refresh-scheduled', at: 1, refreshAt: 2 },
      { type: 'signed-out', at: 3, origin: 'portal' },
    ];
    const received = firstValueFrom(auth.events$.pipe(take(2), toArray()));

    events.forEach((event) => controller.emit(event));

    expect(await received).toEqual(events);
  });

  it('records every command in the order it was called', async () => {
    auth.refreshNow();
    await auth.signOutMessenger();
    await auth.signOut();
    auth.refreshNow();

    expect(controller.calls()).toEqual(['refreshNow', 'signOutMessenger', 'signOut', 'refreshNow']);
    expect(controller.callCount('refreshNow')).toBe(2);
  });

  it('forgets the recorded calls on clearCalls', () => {
    auth.refreshNow();

    controller.clearCalls();

    expect(controller.calls()).toEqual([]);
  });
});
