import type { Routes } from '@angular/router';

import { AccountLayout } from './account-layout';

/** The signed-in area under `/account`; the parent route in `app.routes.ts` guards it. */
export const accountRoutes: Routes = [
  {
    path: '',
    component: AccountLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Account overview | Meridian Bank',
        loadComponent: () => import('./overview/account-overview').then((m) => m.AccountOverview),
      },
      {
        path: 'profile',
        title: 'Your profile | Meridian Bank',
        loadComponent: () => import('./profile/profile-page').then((m) => m.ProfilePage),
      },
    ],
  },
];
