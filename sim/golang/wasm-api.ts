// The few WebAssembly names the Go host uses. Node has them at run time; the project's
// TypeScript settings carry no DOM or WebAssembly declarations, so they are spelled out here.

export interface WasmModule {
  readonly __brand?: 'WasmModule';
}

export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => WasmInstance;
}

export const wasm: WebAssemblyApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
