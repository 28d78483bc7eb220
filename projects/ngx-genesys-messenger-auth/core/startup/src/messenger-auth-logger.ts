/** How much the bridge logs. */
export enum MessengerAuthLogLevel {
  Debug = 0,
  Info = 1,
  Warn = 2,
  Error = 3,
  None = 4,
}

/**
 * The bridge's logger, a swappable strategy (provide your own with `withMessengerAuthLogger`). The bridge never
 * passes it a token, code, verifier or secret — only fingerprints.
 */
export abstract class MessengerAuthLogger {
  /** Logs a message at a level with optional structured details. */
  abstract log(
    level: MessengerAuthLogLevel,
    message: string,
    details?: Record<string, unknown>,
  ): void;
}

/** Logs to the browser console from a minimum level up (default: warnings). */
export class ConsoleMessengerAuthLogger extends MessengerAuthLogger {
  constructor(private readonly minimum: MessengerAuthLogLevel = MessengerAuthLogLevel.Warn) {
    super();
  }

  /** @inheritdoc */
  override log(
    level: MessengerAuthLogLevel,
    message: string,
    details?: Record<string, unknown>,
  ): void {
    if (level < this.minimum || level === MessengerAuthLogLevel.None) return;
    const line = `[messenger-auth] ${message}`;
    const args = details ? [line, details] : [line];
    if (level >= MessengerAuthLogLevel.Error) console.error(...args);
    else if (level === MessengerAuthLogLevel.Warn) console.warn(...args);
    // eslint-disable-next-line no-console -- debug and info go to the console only when asked for.
    else console.info(...args);
  }
}
