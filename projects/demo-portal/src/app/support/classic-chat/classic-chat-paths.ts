/** The routes of the hand-made Messenger set-up (see `classic-auth-provider.ts`). */
export const CLASSIC_CHAT_PATHS = ['/support/baseline', '/support/blueprint'] as const;
