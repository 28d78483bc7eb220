import { Observable, filter, fromEvent, map, merge } from 'rxjs';

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
    fromEvent(doc, 'visibilitychange').pipe(
      filter(() => doc.visibilityState === 'visible'),
      map((): PageWakeup => 'visible'),
    ),
    fromEvent(win, 'focus').pipe(map((): PageWakeup => 'focus')),
    fromEvent(win, 'online').pipe(map((): PageWakeup => 'online')),
    fromEvent(doc, 'resume').pipe(map((): PageWakeup => 'resume')),
    fromEvent<PageTransitionEvent>(win, 'pageshow').pipe(
      // A first load also fires pageshow; only a return from the bfcache can have missed timers.
      filter((event) => event.persisted),
      map((): PageWakeup => 'pageshow'),
    ),
  );
}
