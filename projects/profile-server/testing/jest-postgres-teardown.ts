/** jest globalTeardown of the `profile-server (postgres)` project. */
import { teardown } from './jest-postgres';

export default teardown;
