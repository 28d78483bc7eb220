import { type HttpInterceptorFn } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { finalize } from 'rxjs';

/** Counts the requests in flight so the shell can show one progress indicator for all of them. */
@Injectable({ providedIn: 'root' })
export class HttpActivity {
  private readonly inFlight = signal(0);

  /** Whether any request is in flight. */
  readonly busy = computed(() => this.inFlight() > 0);

  /** Records the start of a request; call the returned function once when it ends. */
  start(): () => void {
    this.inFlight.update((count) => count + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight.update((count) => count - 1);
    };
  }
}

/** Feeds {@link HttpActivity} from every HttpClient request (sign-in, token refresh, API). */
export const httpActivityInterceptor: HttpInterceptorFn = (request, next) => {
  const end = inject(HttpActivity).start();
  return next(request).pipe(finalize(end));
};
