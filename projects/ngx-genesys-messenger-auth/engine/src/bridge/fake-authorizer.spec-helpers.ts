/*
 * Test-only: Messenger's authorization requests faked at the port, issuing real single-use codes
 * of the in-memory IdP.
 */
import { Subject } from 'rxjs';
import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  type GenesysAuthCodeResult,
} from 'ngx-genesys-messenger-auth/core';
import type { InMemoryGenesysBackend } from 'ngx-genesys-messenger-auth/testing';
import type { AuthorizationMode } from '../authorization/authorization-request';
import type { AuthorizerPort, SilentOutcome } from '../authorization/authorizer-port';

/** Where Messenger's authorization requests come back to. */
export const REDIRECT_URI = 'http://localhost:4200/messenger/callback';
/** The IdP user of every scenario. */
export const SUBJECT = 'alice';

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * Messenger's authorization requests, faked at the port: silent attempts issue real single-use
 * codes at the in-memory IdP (or answer `interaction-required`); interactive logins are counted.
 */
export class FakeAuthorizer implements AuthorizerPort {
  /** What silent attempts answer. */
  silentAnswer: 'code' | 'interaction-required' | 'no-answer' = 'code';
  /**
   * What a top-level `prompt=none` does: leave the page, or nothing because the window's one
   * attempt is spent (the default: it came back with login_required).
   */
  silentRedirectAnswer: 'navigating' | 'already-tried' = 'already-tried';
  /** Whether interactive() refuses as the loop guard does (a login happened within the window). */
  refuseInteractive = false;
  /** Whether the next page load is the answer of a full-page redirect (with a code). */
  redirectAnswer = false;
  /** Every code issued, in order. */
  readonly codes: string[] = [];
  /** Every code, verifier and nonce issued: what must never show in events or logs. */
  readonly secrets: string[] = [];
  silentCalls = 0;
  silentRedirectCalls = 0;
  interactiveCalls = 0;
  /** The attempts started, as the real authorizer reports them through `onStart`. */
  readonly starts = new Subject<AuthorizationMode>();

  constructor(
    private readonly backend: InMemoryGenesysBackend,
    private readonly lifetimeS = 300,
  ) {}

  async captureRedirect(): Promise<GenesysAuthCodeResult | undefined> {
    if (!this.redirectAnswer) return undefined;
    this.redirectAnswer = false;
    return this.issue();
  }

  async silent(): Promise<SilentOutcome> {
    this.silentCalls++;
    this.starts.next('silent-iframe');
    if (this.silentAnswer !== 'code') return { kind: this.silentAnswer };
    return { kind: 'code', code: this.issue() };
  }

  async silentRedirect(): Promise<'navigating' | 'already-tried'> {
    this.silentRedirectCalls++;
    if (this.silentRedirectAnswer === 'navigating') this.starts.next('silent-redirect');
    return this.silentRedirectAnswer;
  }

  async interactive(): Promise<'navigating'> {
    this.interactiveCalls++;
    if (this.refuseInteractive) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.LOGIN_LOOP_PREVENTED,
        'a login for Messenger already happened within the window',
      );
    }
    this.starts.next('interactive');
    return 'navigating';
  }

  private issue(): GenesysAuthCodeResult {
    const codeVerifier = randomHex(24);
    const nonce = randomHex(12);
    const authCode = this.backend.idp.issueCode({
      subject: SUBJECT,
      accessTokenLifetime: this.lifetimeS,
      redirectUri: REDIRECT_URI,
      codeVerifier,
    });
    this.codes.push(authCode);
    this.secrets.push(authCode, codeVerifier, nonce);
    return { authCode, redirectUri: REDIRECT_URI, codeVerifier, nonce };
  }
}
