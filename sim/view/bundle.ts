// Bundles a page's script with esbuild (already in the tree for tsx): the diagram code and, from
// the entry the composition root names, the simulator itself, as one ES module for a browser.
// Node-only: it runs when `rpcsim view` writes a page, never in the page.

import { build } from 'esbuild';

export async function bundlePageScript(entryPath: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    // seedrandom probes for node's crypto only to autoseed, which the simulator never asks for.
    external: ['crypto'],
  });
  return result.outputFiles[0]!.text;
}
