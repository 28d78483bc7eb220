import { NgModule, provideEnvironmentInitializer, type ModuleWithProviders } from '@angular/core';
import type { MessengerAuthConfig } from 'ngx-genesys-messenger-auth/core/startup';
import {
  ɵinitializeMessengerAuth,
  ɵmessengerAuthProviders,
  type MessengerAuthFeature,
  type MessengerAuthFeatureKind,
} from './provide-messenger-auth';

/**
 * The bridge for NgModule apps: `MessengerAuthModule.forRoot(config, ...features)` in the root
 * module's imports, after `AuthModule.forRoot(…)`. Same providers as `provideMessengerAuth`.
 */
@NgModule()
export class MessengerAuthModule {
  /** Sets up the bridge; see `provideMessengerAuth`. */
  static forRoot(
    config: MessengerAuthConfig,
    ...features: MessengerAuthFeature[]
  ): ModuleWithProviders<MessengerAuthModule>;
  /** Sets up the bridge with its Genesys settings from a published profile (`withRemoteProfile`). */
  static forRoot(
    config: Partial<MessengerAuthConfig>,
    profile: MessengerAuthFeature<MessengerAuthFeatureKind.RemoteProfile>,
    ...features: MessengerAuthFeature[]
  ): ModuleWithProviders<MessengerAuthModule>;
  static forRoot(
    config: Partial<MessengerAuthConfig>,
    ...features: MessengerAuthFeature[]
  ): ModuleWithProviders<MessengerAuthModule> {
    return {
      ngModule: MessengerAuthModule,
      providers: [
        ɵmessengerAuthProviders(config, features),
        provideEnvironmentInitializer(ɵinitializeMessengerAuth),
      ],
    };
  }
}
