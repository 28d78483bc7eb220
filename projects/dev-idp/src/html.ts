/**
 * HTML of the dev IdP's pages: plain markup, inline CSS, system fonts (no network), stable
 * `data-testid`s. Every value that reaches the markup goes through {@link escapeHtml}.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @param value any text
 * @returns the escaped text
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:#eef1f5;color:#1f2933;
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header{background:#1c2b4a;color:#fff;padding:12px 24px;display:flex;align-items:center;gap:10px}
.logo{width:26px;height:26px;border-radius:6px;background:linear-gradient(135deg,#3b82f6,#14b8a6)}
.brand{font-weight:600;letter-spacing:.02em}
.badge{margin-left:auto;font-size:12px;background:#f59e0b;color:#1f2933;border-radius:10px;padding:1px 8px}
main{display:flex;justify-content:center;padding:48px 16px}
.card{width:100%;max-width:400px;background:#fff;border-radius:10px;padding:32px;
box-shadow:0 1px 3px rgba(16,24,40,.12),0 8px 24px rgba(16,24,40,.08)}
h1{font-size:22px;margin:0 0 4px}
.sub{margin:0 0 24px;color:#52606d}
label{display:block;font-weight:600;margin:16px 0 6px}
input{width:100%;height:42px;padding:0 12px;font:inherit;border:1px solid #cbd2d9;border-radius:6px}
input:focus{outline:2px solid #3b82f6;outline-offset:1px;border-color:#3b82f6}
button{width:100%;height:44px;margin-top:24px;font:inherit;font-weight:600;color:#fff;
background:#2563eb;border:0;border-radius:6px;cursor:pointer}
button:hover{background:#1d4ed8}
.error{margin:0 0 8px;padding:10px 12px;border-radius:6px;background:#fdecea;color:#8a1c1c;
border:1px solid #f5c2c0}
.hint{margin-top:24px;padding:12px;border-radius:6px;background:#f5f7fa;color:#52606d;font-size:13px}
.hint ul{margin:6px 0 0;padding-left:18px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.secondary{display:block;text-align:center;margin-top:16px;color:#52606d}
footer{text-align:center;color:#7b8794;font-size:12px;padding-bottom:24px}
`;

/**
 * A complete page in the dev IdP's layout.
 * @param title the document title (escaped here)
 * @param body trusted HTML of the card's content
 * @returns the HTML document
 */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Dev IdP</title>
<style>${STYLE}</style>
</head>
<body>
<header><span class="logo" aria-hidden="true"></span><span class="brand">Dev IdP</span>
<span class="badge">development only</span></header>
<main><div class="card">
${body}
</div></main>
<footer>Local OpenID Connect provider for development and tests. Not for real accounts.</footer>
</body>
</html>
`;
}

/** What the login page shows. */
export interface LoginPageModel {
  /** Form action (POST). */
  readonly action: string;
  /** Where "Cancel" leads. */
  readonly cancelUrl: string;
  /** Display name of the application asking for the sign-in. */
  readonly clientName: string;
  /** Username to prefill (for example after a wrong password). */
  readonly username: string;
  /** Error to show above the form. */
  readonly error?: string;
  /** Test users for the hint box. */
  readonly users: readonly {
    readonly username: string;
    readonly password: string;
    readonly role: string;
  }[];
}

/**
 * The sign-in page.
 * @param model what to show
 * @returns the HTML document
 */
export function renderLoginPage(model: LoginPageModel): string {
  const error = model.error
    ? `<p class="error" role="alert" data-testid="idp-error">${escapeHtml(model.error)}</p>`
    : '';
  const focusPassword = model.username !== '';
  const users = model.users
    .map(
      (user) =>
        `<li><code>${escapeHtml(user.username)}</code> / <code>${escapeHtml(user.password)}</code>` +
        ` (${escapeHtml(user.role)})</li>`,
    )
    .join('');
  return renderPage(
    'Sign in',
    `<h1>Sign in</h1>
<p class="sub">to continue to <strong>${escapeHtml(model.clientName)}</strong></p>
${error}
<form method="post" action="${escapeHtml(model.action)}" data-testid="idp-login-form" novalidate>
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none"
 spellcheck="false" required value="${escapeHtml(model.username)}" data-testid="idp-username"${focusPassword ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required
 data-testid="idp-password"${focusPassword ? ' autofocus' : ''}>
<button type="submit" data-testid="idp-submit">Sign in</button>
</form>
<a class="secondary" href="${escapeHtml(model.cancelUrl)}" data-testid="idp-cancel">Cancel and return to the application</a>
<div class="hint" data-testid="idp-test-users">Test users of this development IdP:<ul>${users}</ul></div>`,
  );
}

/**
 * A page with a heading and one message.
 * @param title heading and title
 * @param message text of the message
 * @param testId `data-testid` of the message
 * @returns the HTML document
 */
export function renderMessagePage(title: string, message: string, testId: string): string {
  return renderPage(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="sub" data-testid="${escapeHtml(testId)}">${escapeHtml(message)}</p>`,
  );
}

/**
 * The RP-initiated logout page: it submits oidc-provider's form by itself (no "are you sure"
 * stop in a dev IdP); the visible button is for browsers without JavaScript.
 * @param form oidc-provider's logout form (trusted HTML with the XSRF token)
 * @returns the HTML document
 */
export function renderLogoutPage(form: string): string {
  return renderPage(
    'Signing out',
    `<h1>Signing out…</h1>
<p class="sub">You are being signed out of the Dev IdP.</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" data-testid="idp-logout-confirm">Sign out</button>
<script>document.querySelector('[data-testid="idp-logout-confirm"]').click();</script>`,
  );
}
