import { GenesysApiError } from './genesys-api-error';

/** The GenesysApiError a call rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<GenesysApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GenesysApiError))
    throw new Error(`expected a GenesysApiError, got ${String(error)}`);
  return error;
}
