// The admin app's specs use the OidcSecurityService stand-in shared with the demo portal.
export { FakeOidcSecurityService } from '../../../app-testing/src/fake-oidc-security-service';

/** Ada, who holds the admin role (dev IdP user `ada`). */
export const ADA = { sub: 'ada', name: 'Ada Admin', roles: ['admin'] };
/** Alice, a customer: neither reader nor admin, the profile server refuses her (dev IdP `alice`). */
export const ALICE = { sub: 'alice', name: 'Alice Anderson', roles: ['customer'] };
/** Rosalind, a reader: may see everything, change nothing (dev IdP user `rosalind`). */
export const ROSALIND = { sub: 'rosalind', name: 'Rosalind Reader', roles: ['reader'] };
