import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';

/** A product the landing page advertises. */
interface Product {
  readonly icon: string;
  readonly name: string;
  readonly headline: string;
  readonly detail: string;
}

/** A reason to bank with Meridian, shown below the products. */
interface Reason {
  readonly icon: string;
  readonly title: string;
  readonly text: string;
}

const PRODUCTS: readonly Product[] = [
  {
    icon: 'account_balance_wallet',
    name: 'Everyday Checking',
    headline: 'No monthly fee',
    detail: 'Free debit card, early direct deposit and 40,000 fee-free ATMs nationwide.',
  },
  {
    icon: 'savings',
    name: 'High-Yield Savings',
    headline: '4.10% APY',
    detail: 'Grow your savings with a competitive rate and no minimum balance to open.',
  },
  {
    icon: 'credit_card',
    name: 'Meridian Rewards Visa',
    headline: '2% cash back',
    detail: 'Unlimited cash back on every purchase, with no annual fee.',
  },
  {
    icon: 'house',
    name: 'Home Loans',
    headline: 'Rates from 6.12% APR',
    detail: 'Fixed and adjustable mortgages with a dedicated home-lending advisor.',
  },
];

const REASONS: readonly Reason[] = [
  {
    icon: 'verified_user',
    title: 'Protected around the clock',
    text: 'Real-time fraud monitoring and zero liability for unauthorised card transactions.',
  },
  {
    icon: 'support_agent',
    title: 'People who pick up',
    text: 'Talk to our support team 24/7 by phone or secure message.',
  },
  {
    icon: 'lock',
    title: 'Secure sign-in',
    text: 'One sign-in for all your accounts, protected by modern industry standards.',
  },
];

/** The public landing page: hero, products and a call to sign in. */
@Component({
  selector: 'portal-home-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly session = inject(Session);
  protected readonly products = PRODUCTS;
  protected readonly reasons = REASONS;
}
