// What npm says about peer dependencies while installing the library's tarball into a consumer app.

/** npm's ways of reporting a peer dependency it could not satisfy (warnings and errors). */
const PEER_PROBLEM =
  /ERESOLVE|peer dep|peerDependenc|conflicting peer|Could not resolve dependency/i;

/**
 * The lines of an `npm install` output that report a peer-dependency problem.
 * @param {string} output what npm printed (stdout and stderr)
 * @returns {string[]} the offending lines; empty when npm reported none
 */
export function peerProblems(output) {
  return output.split('\n').filter((line) => PEER_PROBLEM.test(line));
}
