/**
 * What the public sources leave open about Messenger (contract §3); each emulator instance picks
 * one value of each, and the bridge is tested against all of them.
 */
export interface MessengerVariants {
  /** Whether `Auth.refreshToken` resolves with `{ jwt }` (true) or with nothing (false). */
  readonly refreshResolvesWithJwt: boolean;
  /** Whether a successful `Auth.refreshToken` republishes `Auth.authenticated`. */
  readonly refreshRepublishesAuthenticated: boolean;
  /**
   * How re-authentication starts: `automatic` — Messenger calls `AuthProvider.reAuthenticate`
   * itself; `button` — only when the user presses the widget's re-authenticate button.
   */
  readonly reAuthentication: 'automatic' | 'button';
  /**
   * Whether a failed `Auth.refreshToken` clears Messenger's tokens and starts re-authentication.
   * `true` — the field behaviour (contract §4, mobile SDK): any non-2xx clears both tokens.
   * `false` — an inferred variant [I]: Messenger keeps its JWT and refresh token, publishes
   * `Auth.tokenError` and rejects the command, and starts no re-authentication, so a page can
   * retry the refresh while the JWT is valid.
   */
  readonly refreshFailureClearsTokens: boolean;
}

/** The variants as the field report saw Messenger behave. */
export const DEFAULT_MESSENGER_VARIANTS: MessengerVariants = {
  refreshResolvesWithJwt: true,
  refreshRepublishesAuthenticated: true,
  reAuthentication: 'automatic',
  refreshFailureClearsTokens: true,
};

/**
 * Every combination of the variants with the field's handling of a failed refresh (the tokens are
 * cleared), for tests that must hold under each.
 */
export const ALL_MESSENGER_VARIANTS: readonly MessengerVariants[] = [true, false].flatMap(
  (refreshResolvesWithJwt) =>
    [true, false].flatMap((refreshRepublishesAuthenticated) =>
      (['automatic', 'button'] as const).map((reAuthentication) => ({
        refreshResolvesWithJwt,
        refreshRepublishesAuthenticated,
        reAuthentication,
        refreshFailureClearsTokens: true,
      })),
    ),
);

/**
 * Every combination of {@link ALL_MESSENGER_VARIANTS}, but with a Messenger that keeps its tokens
 * when a refresh fails (`refreshFailureClearsTokens: false`), for tests of retrying a refresh.
 * Kept apart so that tests written for the field's behaviour are not run against it.
 */
export const ALL_MESSENGER_VARIANTS_KEEPING_TOKENS: readonly MessengerVariants[] =
  ALL_MESSENGER_VARIANTS.map((variants) => ({ ...variants, refreshFailureClearsTokens: false }));
