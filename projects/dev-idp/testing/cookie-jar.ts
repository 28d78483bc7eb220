/**
 * A tiny cookie jar for driving one IdP from tests: cookies by name, paths and domains ignored
 * (every cookie is sent to the IdP), deletions honoured.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  private readonly attributesOf = new Map<string, readonly string[]>();

  /**
   * Stores the `Set-Cookie` headers of a response.
   * @param response a fetch response
   */
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || isExpired(attributes)) {
        this.cookies.delete(name);
        this.attributesOf.delete(name);
      } else {
        this.cookies.set(name, value);
        this.attributesOf.set(
          name,
          attributes.map((a) => a.trim().toLowerCase()),
        );
      }
    }
  }

  /**
   * The `Cookie` request header.
   * @returns the header value, or undefined when the jar is empty
   */
  header(): string | undefined {
    if (this.cookies.size === 0) {
      return undefined;
    }
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /**
   * Whether a cookie is held.
   * @param name cookie name
   * @returns whether the jar holds it
   */
  has(name: string): boolean {
    return this.cookies.has(name);
  }

  /**
   * The attributes a held cookie was last set with, lower-cased (`path=/`, `samesite=lax`, …).
   * @param name cookie name
   * @returns the attributes, or undefined when the jar does not hold the cookie
   */
  attributes(name: string): readonly string[] | undefined {
    return this.attributesOf.get(name);
  }

  /**
   * A copy of this jar (to branch a browser session).
   * @returns the copy
   */
  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.cookies) {
      copy.cookies.set(name, value);
    }
    for (const [name, attributes] of this.attributesOf) {
      copy.attributesOf.set(name, attributes);
    }
    return copy;
  }
}

function isExpired(attributes: readonly string[]): boolean {
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=').map((part) => part.trim());
    if (key.toLowerCase() === 'max-age' && Number(value) <= 0) {
      return true;
    }
    if (key.toLowerCase() === 'expires' && Date.parse(value) <= Date.now()) {
      return true;
    }
  }
  return false;
}
