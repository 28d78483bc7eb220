// The admin app's specs use the OidcSecurityService stand-in shared with the demo portal.
export { FakeOidcSecurityService } from '../../../app-testing/src/fake-oidc-security-service';

/** Ada, who holds the admin role (dev IdP user `ada`). */
export const ADA = { sub: 'ada', name: 'Ada Admin', roles: ['admin'] };
/** Alice, a customer: she may read profiles but not change them (dev IdP user `alice`). */
export const ALICE = { sub: 'alice', name: 'Alice Anderson', roles: ['customer'] };
