/**
 * The portal's Genesys Messenger deployment. Locally Genesys is the simulator on port 4500; a real
 * portal names its region here (`prod-euw1`, …) and the deployment id from Genesys Cloud.
 */
export const MESSENGER_SETTINGS = {
  /** The simulator's origin stands in for a Genesys region. */
  environment: 'http://localhost:4500',
  /** "Meridian Bank — authenticated web messaging" in the simulator. */
  deploymentId: '6f1c2f5e-8a41-4d9b-9a57-3c1d2b7e0001',
  /** Where the deployment snippet loads Messenger from. */
  scriptUrl: 'http://localhost:4500/genesys-bootstrap/genesys.min.js',
  /** The Genesys integration's client at the portal's IdP. */
  clientId: 'genesys-messenger',
  /**
   * The deployment profile admins publish in the admin app; the portal loads its Genesys settings
   * from it at start-up (the values above are what the seeded profile holds).
   */
  profileUrl: 'http://localhost:4600/profiles/demo/published',
  /**
   * The profile may name the simulator as its Genesys environment; any other origin that is not a
   * Genesys region is refused, so a profile cannot make the portal load Messenger from elsewhere.
   */
  allowedEnvironmentOrigins: ['http://localhost:4500'],
} as const;
