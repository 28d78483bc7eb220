// Type-checks every TypeScript project of the workspace. jest transpiles without type checks
// (TOOLCHAIN.md trap 4), so this step is what makes a type error in a spec fail `npm test`.
import { ROOT, run } from './setup.mjs';

export const TS_PROJECTS = [
  'projects/ngx-genesys-messenger-auth/tsconfig.lib.json',
  'projects/demo-portal/tsconfig.app.json',
  'projects/demo-portal/tsconfig.browser-spec.json',
  'tsconfig.spec.json',
  'tsconfig.node.json',
  'e2e/tsconfig.json',
];

for (const project of TS_PROJECTS) {
  console.log(`typecheck: ${project}`);
  run('npx', ['tsc', '--noEmit', '-p', project], { cwd: ROOT });
}
