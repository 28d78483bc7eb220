import { SchematicsException } from '@angular-devkit/schematics';
import { validateMessengerAuthConfig } from 'ngx-genesys-messenger-auth/core';
import type { NgAddOptions } from './schema';

/** The fields of `MessengerAuthConfig` the schematic writes, in the order it writes them. */
export interface MessengerConfigFields {
  readonly deploymentId: string;
  readonly environment: string;
  readonly clientId?: string;
  readonly oidcConfigId?: string;
}

/** The command-line flag of each field, for error messages. */
const FLAGS: Record<keyof MessengerConfigFields, string> = {
  deploymentId: '--deployment-id',
  environment: '--environment',
  clientId: '--client-id',
  oidcConfigId: '--oidc-config-id',
};

/** The fields without a default, and what to pass. */
const REQUIRED = {
  environment: 'the Genesys Cloud environment, e.g. prod-euw1',
  deploymentId: 'the id of your Genesys web deployment',
};

/** An empty prompt answer means "leave it out", as the prompts say. */
function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Checks the flags with the library's own configuration rules (the ones `provideMessengerAuth`
 * applies at start-up) and returns the fields to write.
 * @param options the schematic's options
 * @returns the configuration, with the environment as the library resolves it
 * @throws SchematicsException naming the flag and what it must be
 */
export function messengerConfigFrom(options: NgAddOptions): MessengerConfigFields {
  for (const [field, what] of Object.entries(REQUIRED) as [keyof typeof REQUIRED, string][]) {
    if (given(options[field]) === undefined) {
      throw new SchematicsException(`${FLAGS[field]} is required: ${what}.`);
    }
  }
  const clientId = given(options.clientId);
  const oidcConfigId = given(options.oidcConfigId);
  const fields: MessengerConfigFields = {
    deploymentId: options.deploymentId as string,
    environment: options.environment as string,
    ...(clientId === undefined ? {} : { clientId }),
    ...(oidcConfigId === undefined ? {} : { oidcConfigId }),
  };
  try {
    const resolved = validateMessengerAuthConfig(fields);
    return { ...fields, environment: resolved.environment };
  } catch (error) {
    const field = (error as { field?: string }).field as keyof MessengerConfigFields | undefined;
    const flag = field && FLAGS[field] ? `${FLAGS[field]}: ` : '';
    throw new SchematicsException(`Invalid ${flag}${(error as Error).message}`);
  }
}

/** A TypeScript string literal in single quotes. */
function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The configuration object as TypeScript, one field a line.
 * @param fields the checked fields
 * @param indent the indentation of the object's closing brace
 */
export function configLiteral(fields: MessengerConfigFields, indent: string): string {
  const lines = Object.entries(fields).map(
    ([name, value]) => `${indent}  ${name}: ${quoted(value as string)},`,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/**
 * The set-up call: `provideMessengerAuth(…)` or `MessengerAuthModule.forRoot(…)`, its arguments
 * one a line as Prettier writes them.
 * @param callee the function to call
 * @param fields the checked configuration
 * @param snippet whether to add `withMessengerSnippet()`
 * @param indent the indentation of the line the call starts on
 */
export function setupCall(
  callee: string,
  fields: MessengerConfigFields,
  snippet: boolean,
  indent: string,
): string {
  const inner = `${indent}  `;
  const args = [`${inner}${configLiteral(fields, inner)},`];
  if (snippet) args.push(`${inner}withMessengerSnippet(),`);
  return `${callee}(\n${args.join('\n')}\n${indent})`;
}
