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
}

/** The variants as the field report saw Messenger behave. */
export const DEFAULT_MESSENGER_VARIANTS: MessengerVariants = {
  refreshResolvesWithJwt: true,
  refreshRepublishesAuthenticated: true,
  reAuthentication: 'automatic',
};

/** Every combination of variants, for tests that must hold under each. */
export const ALL_MESSENGER_VARIANTS: readonly MessengerVariants[] = [true, false].flatMap(
  (refreshResolvesWithJwt) =>
    [true, false].flatMap((refreshRepublishesAuthenticated) =>
      (['automatic', 'button'] as const).map((reAuthentication) => ({
        refreshResolvesWithJwt,
        refreshRepublishesAuthenticated,
        reAuthentication,
      })),
    ),
);
