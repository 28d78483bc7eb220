/*
 * The one export of the package's Angular-free entry point that the schematic uses. The compiled
 * schematic require()s the installed package's own `/core` build at run time (Node >= 20.19 loads
 * ES modules with require(), as Angular CLI 21 requires), so a flag is checked by exactly the
 * rules `provideMessengerAuth` applies; this declaration keeps the library's sources out of the
 * schematic's compilation (tsconfig.schematics.json). Other tsconfigs leave it out: there the
 * import resolves to the sources, whose full types it would hide.
 */
declare module 'ngx-genesys-messenger-auth/core' {
  export function validateMessengerAuthConfig(config: unknown): { readonly environment: string };
}
