/** Test helper of the Node servers' configuration specs. */
import { ConfigError } from '../src/config-error';

/**
 * Runs a configuration step that must refuse its input.
 * @param run the step
 * @returns the ConfigError it threw (any other error is rethrown)
 * @throws Error when it threw nothing
 */
export function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
