import { Observable, filter, map, merge } from 'rxjs';

/** Why the page may have missed a timer: the moments to check at once whether the JWT is due. */
export type PageWakeup = 'visible' | 'focus' | 'online' | 'resume' | 'pageshow';

/**
 * Page Lifecycle moments after which timers may have fired late or not at all: the tab becomes
 * visible, the window gets the focus back, the network comes back, a frozen page resumes, or the
 * page returns from the bfcache.
 * Cold: each subscription adds its own listeners and removes them on unsubscribe.
 * @param doc the document whose visibility and lifecycle events to follow
 * @param win the window whose `online` and `pageshow` events to follow
 * @returns an endless stream of wake-up reasons
 */
export function pageWakeups(doc: Document, win: Window): Observable<PageWakeup> {
  return merge(
    domEvents(doc, 'visibilitychange').pipe(
      filter(() => doc.visibilityState === 'visible'),
      map((): PageWakeup => 'visible'),
    ),
    domEvents(win, 'focus').pipe(map((): PageWakeup => 'focus')),
    domEvents(win, 'online').pipe(map((): PageWakeup => 'online')),
    domEvents(doc, 'resume').pipe(map((): PageWakeup => 'resume')),
    domEvents<PageTransitionEvent>(win, 'pageshow').pipe(
      // A first load also fires pageshow; only a return from the bfcache can have missed timers.
      filter((event) => event.persisted),
      map((): PageWakeup => 'pageshow'),
    ),
  );
}

/**
 * The events of one type on a DOM target, listening while subscribed. (RxJS's `fromEvent` does
 * the same for many kinds of targets; this one keeps that generality out of the portal's initial
 * JavaScript, where RxJS operators end up whichever chunk uses them.)
 */
function domEvents<E extends Event = Event>(target: EventTarget, type: string): Observable<E> {
  return new Observable<E>((subscriber) => {
    const listener = (event: Event) => subscriber.next(event as E);
    target.addEventListener(type, listener);
    return () => target.removeEventListener(type, listener);
  });
}
