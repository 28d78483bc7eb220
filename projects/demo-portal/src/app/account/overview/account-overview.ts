import { CurrencyPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';

import {
  type AccountKind,
  type BankAccount,
  DEMO_ACCOUNTS,
  DEMO_TRANSACTIONS,
  type Transaction,
} from '../banking-data';

const ICONS: Readonly<Record<AccountKind, string>> = {
  checking: 'account_balance_wallet',
  savings: 'savings',
  credit: 'credit_card',
};

/** The signed-in customer's dashboard: accounts with balances and recent transactions. */
@Component({
  selector: 'portal-account-overview',
  imports: [
    CurrencyPipe,
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './account-overview.html',
  styleUrl: './account-overview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountOverview {
  protected readonly accounts: readonly BankAccount[] = DEMO_ACCOUNTS;
  protected readonly transactions: readonly Transaction[] = DEMO_TRANSACTIONS;
  protected readonly columns = ['date', 'description', 'category', 'amount'] as const;
  protected readonly icons = ICONS;
  protected readonly abs = Math.abs;

  /** Cash held in checking and savings, net of nothing owed. */
  protected readonly totalDeposits = DEMO_ACCOUNTS.filter((a) => a.kind !== 'credit').reduce(
    (sum, a) => sum + a.balance,
    0,
  );

  /** Names accounts for the transaction list, e.g. "Everyday Checking ••4821". */
  protected accountLabel(accountId: string): string {
    const account = this.accounts.find((a) => a.id === accountId);
    return account ? `${account.name} ••${account.lastFour}` : '';
  }
}
