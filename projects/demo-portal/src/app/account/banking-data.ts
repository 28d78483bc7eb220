/** The kinds of product a customer can hold. */
export type AccountKind = 'checking' | 'savings' | 'credit';

/** One of the customer's accounts, as the overview shows it. */
export interface BankAccount {
  readonly id: string;
  readonly kind: AccountKind;
  readonly name: string;
  /** The last four digits of the account number; the rest is never shown. */
  readonly lastFour: string;
  /** Current balance in US dollars; negative for an amount owed on a credit card. */
  readonly balance: number;
  /** Funds the customer can use now: available balance or remaining credit. */
  readonly available: number;
}

/** A posted transaction on one of the customer's accounts. */
export interface Transaction {
  readonly id: string;
  readonly accountId: string;
  /** When the transaction posted (ISO 8601 date). */
  readonly date: string;
  readonly description: string;
  readonly category: string;
  /** Signed amount in US dollars: positive is money in, negative money out. */
  readonly amount: number;
}

/** Demo accounts of every signed-in customer (the portal has no banking backend). */
export const DEMO_ACCOUNTS: readonly BankAccount[] = [
  {
    id: 'chk',
    kind: 'checking',
    name: 'Everyday Checking',
    lastFour: '4821',
    balance: 4218.56,
    available: 4093.56,
  },
  {
    id: 'sav',
    kind: 'savings',
    name: 'High-Yield Savings',
    lastFour: '7730',
    balance: 18650.02,
    available: 18650.02,
  },
  {
    id: 'cc',
    kind: 'credit',
    name: 'Meridian Rewards Visa',
    lastFour: '1094',
    balance: -642.17,
    available: 9357.83,
  },
];

/** Demo transactions, newest first. */
export const DEMO_TRANSACTIONS: readonly Transaction[] = [
  tx('t9', 'chk', '2026-11-24', 'Payroll deposit, Northwind Traders', 'Income', 3125.0),
  tx('t8', 'cc', '2026-11-23', 'Greenleaf Grocers', 'Groceries', -86.42),
  tx('t7', 'chk', '2026-11-22', 'City Power & Light', 'Utilities', -112.3),
  tx('t6', 'cc', '2026-11-21', 'Harbor Coffee Roasters', 'Dining', -6.75),
  tx('t5', 'sav', '2026-11-20', 'Transfer from Everyday Checking', 'Transfer', 500.0),
  tx('t4', 'chk', '2026-11-20', 'Transfer to High-Yield Savings', 'Transfer', -500.0),
  tx('t3', 'cc', '2026-11-18', 'Metro Transit pass', 'Travel', -98.0),
  tx('t2', 'chk', '2026-11-15', 'Lakeside Apartments rent', 'Housing', -1850.0),
  tx('t1', 'sav', '2026-11-01', 'Interest payment', 'Interest', 61.84),
];

function tx(
  id: string,
  accountId: string,
  date: string,
  description: string,
  category: string,
  amount: number,
): Transaction {
  return { id, accountId, date, description, category, amount };
}
