/**
 * The dev IdP's own interaction pages (`/interaction/:uid`): the login form and its submission.
 * Consent is never asked (first-party clients) but is completed here if oidc-provider requests it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Interaction, Provider } from 'oidc-provider';
import { errors } from 'oidc-provider';

import { checkPassword, TEST_USERS } from './accounts';
import { findDevClient } from './clients';
import { renderLoginPage, renderMessagePage } from './html';
import { readForm, sendHtml, sendText } from './http-utils';

const ROUTE = /^\/interaction\/([\w-]{1,128})(\/login|\/abort)?$/;

/** Handles a request under `/interaction/`; resolves once the response is sent. */
export type InteractionHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => Promise<void>;

/**
 * Creates the handler of the interaction routes.
 * @param provider the oidc-provider instance
 * @returns the handler
 */
export function createInteractionHandler(provider: Provider): InteractionHandler {
  return async (req, res, pathname) => {
    const match = ROUTE.exec(pathname);
    if (!match) {
      sendText(res, 404, 'Not found');
      return;
    }
    const [, uid, action = ''] = match;
    const method = action === '/login' ? 'POST' : 'GET';
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      res.setHeader('Allow', method);
      sendText(res, 405, 'Method not allowed');
      return;
    }
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) {
        sendExpired(res);
      } else if (action === '/login') {
        await submitLogin(provider, details, req, res);
      } else if (action === '/abort') {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'End-User aborted interaction' },
          { mergeWithLastSubmission: false },
        );
      } else {
        await showPrompt(provider, details, req, res);
      }
    } catch (error) {
      if (error instanceof errors.SessionNotFound) {
        sendExpired(res);
        return;
      }
      throw error;
    }
  };
}

async function showPrompt(
  provider: Provider,
  details: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (details.prompt.name === 'login') {
    const hint = details.params['login_hint'];
    sendLoginPage(res, 200, details, typeof hint === 'string' ? hint : '');
  } else if (details.prompt.name === 'consent') {
    const grantId = await grantConsent(provider, details);
    await provider.interactionFinished(req, res, { consent: { grantId } });
  } else {
    sendText(res, 400, `Unsupported prompt ${details.prompt.name}`);
  }
}

async function submitLogin(
  provider: Provider,
  details: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (details.prompt.name !== 'login') {
    sendExpired(res);
    return;
  }
  const form = await readForm(req, res);
  if (!form) {
    return;
  }
  const username = form.get('username') ?? '';
  const user = checkPassword(username, form.get('password') ?? '');
  if (!user) {
    sendLoginPage(res, 200, details, username, 'Wrong username or password. Please try again.');
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.sub } },
    { mergeWithLastSubmission: false },
  );
}

/** Grants what oidc-provider reports missing (only reached if `loadExistingGrant` fell short). */
async function grantConsent(provider: Provider, details: Interaction): Promise<string> {
  const clientId = String(details.params['client_id']);
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ clientId, accountId: details.session?.accountId });
  const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
  if (missingOIDCScope?.length) {
    grant.addOIDCScope(missingOIDCScope.join(' '));
  }
  if (missingOIDCClaims?.length) {
    grant.addOIDCClaims(missingOIDCClaims);
  }
  return grant.save();
}

function sendLoginPage(
  res: ServerResponse,
  status: number,
  details: Interaction,
  username: string,
  error?: string,
): void {
  const client = findDevClient(details.params['client_id']);
  const html = renderLoginPage({
    action: `/interaction/${details.uid}/login`,
    cancelUrl: `/interaction/${details.uid}/abort`,
    clientName: client?.clientName ?? String(details.params['client_id']),
    username,
    error,
    users: TEST_USERS.map((user) => ({
      username: user.username,
      password: user.password,
      role: user.roles.join(', '),
    })),
  });
  sendHtml(res, status, html);
}

function sendExpired(res: ServerResponse): void {
  sendHtml(
    res,
    400,
    renderMessagePage(
      'Sign-in expired',
      'This sign-in request has expired or was already completed. Go back to the application and sign in again.',
      'idp-expired',
    ),
  );
}
