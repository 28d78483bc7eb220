import type { Routes } from '@angular/router';
import { autoLoginPartialRoutesGuard } from 'angular-auth-oidc-client';

import { unsavedChangesGuard } from './profiles/editor/unsaved-changes.guard';

/**
 * The admin app's routes: everything but the landing page and the callback is behind
 * angular-auth-oidc-client's guard, which remembers the URL, signs the user in and comes back.
 */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Profile admin',
    loadComponent: () => import('./landing/landing-page').then((m) => m.LandingPage),
  },
  {
    path: 'callback',
    title: 'Signing in | Profile admin',
    loadComponent: () => import('./callback/callback-page').then((m) => m.CallbackPage),
  },
  {
    path: '',
    canActivateChild: [autoLoginPartialRoutesGuard],
    children: [
      {
        path: 'profiles',
        title: 'Profiles | Profile admin',
        loadComponent: () =>
          import('./profiles/list/profile-list-page').then((m) => m.ProfileListPage),
      },
      {
        path: 'profiles/:name',
        title: 'Edit profile | Profile admin',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () =>
          import('./profiles/editor/profile-editor-page').then((m) => m.ProfileEditorPage),
      },
      {
        path: 'profiles/:name/history',
        title: 'Profile history | Profile admin',
        loadComponent: () =>
          import('./profiles/history/profile-history-page').then((m) => m.ProfileHistoryPage),
      },
      {
        path: 'audit',
        title: 'Audit trail | Profile admin',
        loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
      },
      {
        path: '**',
        title: 'Page not found | Profile admin',
        loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
