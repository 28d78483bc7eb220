// The portal's specs use the OidcSecurityService stand-in shared with the admin app.
export { FakeOidcSecurityService } from '../../../app-testing/src/fake-oidc-security-service';
