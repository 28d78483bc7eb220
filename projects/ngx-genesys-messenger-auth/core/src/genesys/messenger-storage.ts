/**
 * The localStorage keys Messenger keeps its tokens under, as reported by public reading notes of
 * the bundle (contract §3, third-party). The bridge only reads them, and copes when they are absent.
 */
export function messengerTokenKeys(deploymentId: string): {
  readonly jwt: string;
  readonly refreshToken: string;
} {
  return { jwt: `_${deploymentId}:gcatkn`, refreshToken: `_${deploymentId}:gcartkn` };
}
