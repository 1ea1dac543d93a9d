// Bundles a page's script with esbuild (already in the tree for tsx): the diagram code and, from
// the entry the composition root names, the simulator itself, as one ES module for a browser.
// Node-only: it runs when `rpcsim view` writes a page, never in the page.

export async function bundlePageScript(entryPath: string): Promise<string> {
  // Loaded here, not at the top: every start of the CLI (and of each explore child) loads this
  // file, and esbuild's module cost tens of milliseconds there for a command that writes no page.
  const { build } = await import('esbuild');
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
