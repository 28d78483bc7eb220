/** The error an authentication ends with, for specs that expect a refusal. */
import type { ApiError } from '../src/api-error';
import type { Authenticator } from '../src/auth';

/**
 * Authenticates and returns the refusal.
 * @param auth the authenticator
 * @param header the `Authorization` header
 * @returns the ApiError it threw
 * @throws Error when it accepted the header
 */
export async function refusal(auth: Authenticator, header: string | undefined): Promise<ApiError> {
  try {
    await auth.authenticate(header);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}
