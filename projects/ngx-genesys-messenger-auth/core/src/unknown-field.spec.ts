import { closestName, unknownFieldError } from './unknown-field';

describe(closestName.name, () => {
  const known = ['deploymentId', 'environment', 'scope'];

  it.each([
    ['deploymnetId', 'deploymentId'],
    ['DEPLOYMENTID', 'deploymentId'],
    ['scopes', 'scope'],
  ])('takes %j for a typo of %j', (key, expected) => {
    expect(closestName(key, known)).toBe(expected);
  });

  it('finds nothing three edits away or more', () => {
    expect(closestName('enviro', known)).toBeUndefined();
  });
});

describe(unknownFieldError.name, () => {
  const known = ['deploymentId', 'environment'];

  it('suggests the known field a typo is closest to', () => {
    expect(unknownFieldError('config', 'deploymnetId', known).message).toBe(
      'NGMA4101: config has an unknown field "deploymnetId" (did you mean "deploymentId"?); ' +
        'expected one of deploymentId, environment',
    );
  });

  it('suggests a field that differs only in case', () => {
    expect(unknownFieldError('config', 'DEPLOYMENTID', known).message).toContain(
      'did you mean "deploymentId"?',
    );
  });

  it('suggests nothing for a field unlike any known one', () => {
    expect(unknownFieldError('config', 'colour', known).message).not.toContain('did you mean');
  });

  it('names a top-level field by itself', () => {
    expect(unknownFieldError('config', 'colour', known).field).toBe('colour');
  });

  it('names a nested field by its path', () => {
    expect(unknownFieldError('refresh', 'leadMS', ['leadMs']).field).toBe('refresh.leadMS');
  });
});
