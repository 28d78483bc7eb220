import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  describeValue,
  formatErrorCode,
  invalidConfigError,
  isMessengerAuthError,
} from './errors';

describe(formatErrorCode.name, () => {
  it('prefixes the number with NGMA', () => {
    expect(formatErrorCode(MessengerAuthErrorCode.INVALID_CONFIG)).toBe('NGMA4101');
  });
});

describe(MessengerAuthError.name, () => {
  it('starts its message with the formatted code', () => {
    const error = new MessengerAuthError(
      MessengerAuthErrorCode.SESSION_ENDED,
      'refresh token revoked',
    );
    expect(error.message).toBe('NGMA4161: refresh token revoked');
  });

  it('keeps its code, name and field', () => {
    const error = new MessengerAuthError(MessengerAuthErrorCode.INVALID_CONFIG, 'bad', {
      field: 'refresh.leadMs',
    });
    expect([error.code, error.name, error.field]).toEqual([
      4101,
      'MessengerAuthError',
      'refresh.leadMs',
    ]);
  });

  it('is an Error', () => {
    expect(new MessengerAuthError(MessengerAuthErrorCode.REFRESH_FAILED, 'x')).toBeInstanceOf(
      Error,
    );
  });

  it('keeps the underlying error as its cause', () => {
    const cause = new Error('socket closed');
    const error = new MessengerAuthError(MessengerAuthErrorCode.REFRESH_FAILED, 'x', { cause });
    expect(error.cause).toBe(cause);
  });

  it('has no field unless one is given', () => {
    expect(
      new MessengerAuthError(MessengerAuthErrorCode.REFRESH_FAILED, 'x').field,
    ).toBeUndefined();
  });
});

describe('MessengerAuthErrorCode', () => {
  it('keeps every code inside the reserved range 4100–4199', () => {
    const codes = [
      MessengerAuthErrorCode.INVALID_CONFIG,
      MessengerAuthErrorCode.INSECURE_CONTEXT,
      MessengerAuthErrorCode.AUTHORIZATION_CODE_CONSUMED,
      MessengerAuthErrorCode.MESSENGER_AUTH_UNAVAILABLE,
      MessengerAuthErrorCode.LOGOUT_FAILED,
      MessengerAuthErrorCode.INVALID_PROFILE,
    ];
    expect(codes.every((code) => code >= 4100 && code <= 4199)).toBe(true);
  });
});

describe(isMessengerAuthError.name, () => {
  const error = new MessengerAuthError(MessengerAuthErrorCode.LOGIN_REQUIRED, 'x');

  it('recognises an error of the library', () => {
    expect(isMessengerAuthError(error)).toBe(true);
  });

  it('matches the code when one is given', () => {
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.LOGIN_REQUIRED)).toBe(true);
  });

  it('rejects an error of another code', () => {
    expect(isMessengerAuthError(error, MessengerAuthErrorCode.SESSION_ENDED)).toBe(false);
  });

  it('rejects a plain Error carrying a code', () => {
    expect(isMessengerAuthError(Object.assign(new Error('x'), { code: 4123 }))).toBe(false);
  });
});

describe(describeValue.name, () => {
  it.each([
    ['', '""'],
    ['abc', '"abc"'],
    [-1, '-1'],
    [Number.NaN, 'NaN'],
    [null, 'null'],
    [undefined, 'undefined'],
    [[], 'an array'],
    [{}, 'an object'],
    [true, 'true'],
  ])('describes %p as %s', (value, described) => {
    expect(describeValue(value)).toBe(described);
  });

  it('shortens long strings', () => {
    expect(describeValue('x'.repeat(500)).length).toBeLessThan(70);
  });
});

describe(invalidConfigError.name, () => {
  it('names the field, what is expected and what was found', () => {
    const error = invalidConfigError('refresh.leadMs', 'a finite number ≥ 0', -1);
    expect(error.message).toBe('NGMA4101: refresh.leadMs must be a finite number ≥ 0 (got -1)');
  });

  it('records the field path', () => {
    expect(invalidConfigError('refresh.leadMs', 'x', 1).field).toBe('refresh.leadMs');
  });
});
