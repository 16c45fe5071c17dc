/** What postgres.global-setup.ts hands to every test file (vitest's provide/inject). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the test server whose role may CREATE DATABASE; its database is only connected to. */
    postgresServerUrl: string;
    /** Every database this run creates starts with it. */
    postgresDatabasePrefix: string;
  }
}

export {};
