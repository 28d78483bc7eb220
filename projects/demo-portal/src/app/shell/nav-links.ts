/** A link in the portal's navigation. */
export interface NavLink {
  readonly label: string;
  readonly path: string;
  readonly icon: string;
  /** Whether the link is active only on its exact URL (not on the URLs below it). */
  readonly exact: boolean;
}

/** A titled group of links in the side navigation. */
export interface NavGroup {
  readonly title: string;
  readonly links: readonly NavLink[];
}

/** Top-level sections, shown in the toolbar on wide screens. */
export const PRIMARY_LINKS: readonly NavLink[] = [
  { label: 'Home', path: '/', icon: 'home', exact: true },
  { label: 'My accounts', path: '/account', icon: 'account_balance_wallet', exact: false },
  { label: 'Help & support', path: '/support', icon: 'support_agent', exact: false },
];

/** Every page of the portal, grouped for the side navigation. */
export const NAV_GROUPS: readonly NavGroup[] = [
  {
    title: 'Banking',
    links: [
      { label: 'Home', path: '/', icon: 'home', exact: true },
      { label: 'Account overview', path: '/account', icon: 'account_balance_wallet', exact: true },
      { label: 'Profile', path: '/account/profile', icon: 'person', exact: true },
    ],
  },
  {
    title: 'Help',
    links: [{ label: 'Help & support', path: '/support', icon: 'support_agent', exact: false }],
  },
];
