/** A question customers often ask, with its answer. */
export interface FaqEntry {
  readonly question: string;
  readonly answer: string;
}

/** A way to reach Meridian Bank. */
export interface ContactOption {
  readonly icon: string;
  readonly title: string;
  readonly detail: string;
  readonly hours: string;
  /** Where the option's action leads (`tel:`, `mailto:`), if it has one. */
  readonly href: string | null;
  /** The label of the option's action, if it has one. */
  readonly action: string | null;
}

/** Frequently asked questions, most asked first. */
export const FAQ: readonly FaqEntry[] = [
  {
    question: 'How do I reset my online banking password?',
    answer:
      'Call customer service at 1-800-555-0142. After verifying your identity with a one-time ' +
      'code sent to the phone number on your account, we will help you choose a new password.',
  },
  {
    question: 'My card was lost or stolen. What should I do?',
    answer:
      'Call our 24/7 card line at 1-800-555-0199 straight away. We will block the card, send a ' +
      'replacement within 3 to 5 business days and review any recent transactions with you.',
  },
  {
    question: 'When will my direct deposit be available?',
    answer:
      'With Everyday Checking, direct deposits are usually available up to two days before the ' +
      "payer's scheduled date, as soon as we receive the payment instruction.",
  },
  {
    question: 'How do I dispute a transaction?',
    answer:
      'Sign in, find the transaction in your account overview and contact us with its date and ' +
      'amount. Most disputes are resolved within 10 business days.',
  },
  {
    question: 'Why was I signed out?',
    answer:
      'For your security, online banking ends your session after a period of inactivity and ' +
      'whenever you sign out on another device. Simply sign in again to continue.',
  },
  {
    question: 'Is online banking secure?',
    answer:
      'Yes. All traffic is encrypted, we monitor for fraud around the clock, and we will never ask ' +
      'for your password or one-time code by phone, email or text.',
  },
];

/** The ways to contact Meridian Bank. */
export const CONTACT_OPTIONS: readonly ContactOption[] = [
  {
    icon: 'forum',
    title: 'Live chat',
    detail: 'Open the chat button at the bottom right of any page',
    hours: 'Monday to Saturday, 8 am to 8 pm ET',
    href: null,
    action: null,
  },
  {
    icon: 'call',
    title: 'Call us',
    detail: '1-800-555-0142',
    hours: 'Every day, 7 am to 11 pm ET',
    href: 'tel:+18005550142',
    action: 'Call customer service',
  },
  {
    icon: 'credit_card_off',
    title: 'Lost or stolen card',
    detail: '1-800-555-0199',
    hours: '24 hours a day, 7 days a week',
    href: 'tel:+18005550199',
    action: 'Call the card line',
  },
  {
    icon: 'mail',
    title: 'Email',
    detail: 'help@meridian.example',
    hours: 'We reply within one business day',
    href: 'mailto:help@meridian.example',
    action: 'Write to us',
  },
  {
    icon: 'store',
    title: 'Visit a branch',
    detail: '120 branches across the Northeast',
    hours: 'Monday to Friday 9 am to 5 pm, Saturday 9 am to 1 pm',
    href: null,
    action: null,
  },
];
