/*
 * ngx-genesys-messenger-auth/engine — internal, no API guarantees: the part of the bridge the main
 * entry point loads lazily (a dynamic import) once the app starts, so that it stays out of a
 * portal's initial JavaScript. Every export is ɵ-prefixed; import the main entry point instead.
 */

export {
  createMessengerAuthEngine as ɵcreateMessengerAuthEngine,
  type MessengerAuthEngine as ɵMessengerAuthEngine,
  type MessengerAuthEngineContext as ɵMessengerAuthEngineContext,
} from './src/messenger-auth-engine';
export { MessengerAuthBridge as ɵMessengerAuthBridge } from './src/bridge/messenger-auth-bridge';
export {
  loadRemoteProfile as ɵloadRemoteProfile,
  type LoadedProfile as ɵLoadedProfile,
  type ProfileLoadOptions as ɵProfileLoadOptions,
} from './src/profile/remote-profile';
// The configuration given to provideMessengerAuth is checked here, once the engine has loaded.
export { validateMessengerAuthConfig as ɵvalidateMessengerAuthConfig } from 'ngx-genesys-messenger-auth/core';
