// Vitest sets `import.meta.env.MODE` from `--mode` (`npm run test:matrix` passes `--mode matrix`).
interface ImportMetaEnv {
  readonly MODE: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
