/** The `--deployments` file of the simulator: which deployments it serves instead of its own. */
import { ConfigError } from '../../node-kit/src/config-error';
import type { DeploymentConfig } from 'ngx-genesys-messenger-auth/testing';

/** Reads and checks a deployments file. */
export function parseDeployments(
  path: string,
  readFile: (path: string) => string,
): DeploymentConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(readFile(path));
  } catch (error) {
    throw new ConfigError('bad-file', `--deployments ${path}: ${(error as Error).message}`);
  }
  if (!Array.isArray(json) || json.length === 0) {
    throw new ConfigError(
      'bad-file',
      `--deployments ${path}: expected a non-empty JSON array of deployments`,
    );
  }
  return json.map((item: unknown, i) => {
    const d = item as Partial<DeploymentConfig> | null;
    const where = `--deployments ${path}: [${i}]`;
    if (typeof d?.id !== 'string' || !/^[\w-]{1,128}$/.test(d.id)) {
      throw new ConfigError('bad-file', `${where}.id must be 1–128 letters, digits, "-" or "_"`);
    }
    if (typeof d.name !== 'string' || d.name.length < 1 || d.name.length > 100) {
      throw new ConfigError('bad-file', `${where}.name must be 1–100 characters`);
    }
    if (typeof d.auth?.enabled !== 'boolean' || typeof d.auth.allowSessionUpgrade !== 'boolean') {
      throw new ConfigError(
        'bad-file',
        `${where}.auth must be {"enabled": boolean, "allowSessionUpgrade": boolean}`,
      );
    }
    return {
      id: d.id,
      name: d.name,
      auth: { enabled: d.auth.enabled, allowSessionUpgrade: d.auth.allowSessionUpgrade },
    };
  });
}
