import { Subscription } from 'rxjs';
import { PageWakeup, pageWakeups } from './page-wakeups';

describe(pageWakeups.name, () => {
  let seen: PageWakeup[];
  let subscription: Subscription;

  beforeEach(() => {
    seen = [];
    subscription = pageWakeups(document, window).subscribe((wakeup) => seen.push(wakeup));
  });

  afterEach(() => {
    subscription.unsubscribe();
    // Drops the own property so the prototype's real getter shows through again.
    delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
  });

  function setVisibility(state: DocumentVisibilityState): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }

  it('emits when the tab becomes visible', () => {
    setVisibility('visible');
    expect(seen).toEqual(['visible']);
  });

  it('does not emit when the tab becomes hidden', () => {
    setVisibility('hidden');
    expect(seen).toEqual([]);
  });

  it('emits when the window gets the focus back', () => {
    window.dispatchEvent(new FocusEvent('focus'));
    expect(seen).toEqual(['focus']);
  });

  it('emits when the browser comes back online', () => {
    window.dispatchEvent(new Event('online'));
    expect(seen).toEqual(['online']);
  });

  it('does not emit when the browser goes offline', () => {
    window.dispatchEvent(new Event('offline'));
    expect(seen).toEqual([]);
  });

  it('emits when a frozen page resumes', () => {
    document.dispatchEvent(new Event('resume'));
    expect(seen).toEqual(['resume']);
  });

  it('emits when the page comes back from the bfcache', () => {
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(seen).toEqual(['pageshow']);
  });

  it('does not emit for a first page load', () => {
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    expect(seen).toEqual([]);
  });

  it('stops listening on unsubscribe', () => {
    subscription.unsubscribe();
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('resume'));
    expect(seen).toEqual([]);
  });
});
