/*
 * ngx-genesys-messenger-auth/testing/angular: a `MessengerAuth` that unit tests of an app's own
 * components drive (no Messenger, no timers). Apart from `/testing`, which stays free of Angular
 * so the emulator also runs in Node (the local Genesys simulator, Playwright support files).
 */
export {
  MessengerAuthTestingController,
  provideMessengerAuthTesting,
  type MessengerAuthTestingCall,
} from './messenger-auth-testing';
