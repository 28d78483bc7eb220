import type { Routes } from '@angular/router';
import { autoLoginPartialRoutesGuard } from 'angular-auth-oidc-client';

/**
 * The portal's routes. Public pages load without a session; the account area is guarded by
 * angular-auth-oidc-client, which remembers the requested URL, signs the user in and comes back.
 */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Meridian Bank | Personal banking',
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'support',
    title: 'Help & support | Meridian Bank',
    loadComponent: () => import('./support/support-page').then((m) => m.SupportPage),
  },
  {
    // Messenger set up by hand, as in the field report: the baseline the bridge is measured against.
    path: 'support/baseline',
    title: 'Live chat | Meridian Bank',
    data: { publishSignedIn: false },
    loadComponent: () =>
      import('./support/classic-chat/classic-chat-page').then((m) => m.ClassicChatPage),
  },
  {
    // The same, in the Okta blueprint's style: it also publishes `signedIn` with the URL's code.
    path: 'support/blueprint',
    title: 'Live chat | Meridian Bank',
    data: { publishSignedIn: true },
    loadComponent: () =>
      import('./support/classic-chat/classic-chat-page').then((m) => m.ClassicChatPage),
  },
  {
    path: 'account',
    canActivate: [autoLoginPartialRoutesGuard],
    canActivateChild: [autoLoginPartialRoutesGuard],
    loadChildren: () => import('./account/account.routes').then((m) => m.accountRoutes),
  },
  {
    path: 'callback',
    title: 'Signing in | Meridian Bank',
    loadComponent: () => import('./callback/callback-page').then((m) => m.CallbackPage),
  },
  {
    path: 'signed-out',
    title: 'Signed out | Meridian Bank',
    loadComponent: () => import('./signed-out/signed-out-page').then((m) => m.SignedOutPage),
  },
  {
    path: '**',
    title: 'Page not found | Meridian Bank',
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
