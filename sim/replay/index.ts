// The run description and the code fingerprint, for the CLI, explore and the library.

export * from './run-description.ts';
export * from './description-json.ts';
export { codeFingerprint, computeCodeFingerprint } from './code-fingerprint.ts';
