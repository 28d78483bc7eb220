// Type-checks every TypeScript project of the workspace. jest transpiles without type checks
// (TOOLCHAIN.md trap 4), so this step is what makes a type error in a spec fail `npm test`.
import { ROOT, run } from './setup.mjs';

export const TS_PROJECTS = [
  'projects/ngx-genesys-messenger-auth/tsconfig.lib.json',
  'projects/ngx-genesys-messenger-auth/tsconfig.schematics.json',
  'projects/demo-portal/tsconfig.app.json',
  'projects/demo-portal/tsconfig.browser-spec.json',
  'projects/admin/tsconfig.app.json',
  'projects/admin/tsconfig.browser-spec.json',
  'projects/ngx-genesys-messenger-auth/tsconfig.browser-spec.json',
  'tsconfig.spec.json',
  'tsconfig.node.json',
  'e2e/tsconfig.json',
  'e2e-consumers/tsconfig.json',
];

let failed = 0;
for (const project of TS_PROJECTS) {
  console.log(`typecheck: ${project}`);
  try {
    run('npx', ['tsc', '--noEmit', '-p', project], { cwd: ROOT });
  } catch {
    failed++;
  }
}
if (failed) {
  console.error(`typecheck: ${failed} of ${TS_PROJECTS.length} projects have type errors`);
  process.exit(1);
}
