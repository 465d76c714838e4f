// Builds the one-script-tag bundle: dist/insurup-elements.js (ES module) plus lazy chunks
// beside it. Library mode bundles every dependency, because an agency page has no bundler.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * dist/ also holds the Node entries and the type declarations, so Vite must not empty it; this
 * removes only the previous widget build, so stale chunks are never uploaded or measured.
 */
function removePreviousWidgetBuild(): Plugin {
  let outDir = '';
  let emptied = false;
  return {
    name: 'remove-previous-widget-build',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      emptied = config.build.emptyOutDir === true;
    },
    buildStart() {
      if (emptied) return; // Vite empties the directory itself
      rmSync(join(outDir, 'chunks'), { recursive: true, force: true });
      rmSync(join(outDir, 'insurup-elements.js'), { force: true });
      rmSync(join(outDir, 'insurup-elements.js.map'), { force: true });
    },
  };
}

/** Modules every element needs, the login's first render included. */
const SHARED =
  /node_modules[\\/](lit|lit-html|lit-element|@lit|zod)[\\/]|src[\\/]contract[\\/]|src[\\/]widget[\\/](api|session|controllers|styles|validation|elements[\\/]shared|i18n[\\/](index|tr[\\/]common|en[\\/]common))|src[\\/]widget[\\/](events|define)\.ts/;
/** Modules only the steps after the login share (list a new shared helper here unless the login needs it). */
const FORMS =
  /src[\\/]widget[\\/](elements[\\/]shared[\\/](asset-form|saved-asset-form|searchable-select|choice-group|agency-links|open-document|text)|validation[\\/](index|card|plate|vehicle|address|numbers|email)|styles[\\/]details-list)\.ts$/;

export default defineConfig({
  plugins: [removePreviousWidgetBuild()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/widget/index.ts',
      formats: ['es'],
      fileName: () => 'insurup-elements.js',
    },
    rolldownOptions: {
      // The registry can load every tag; the flow's is also in the bootstrap chunk on purpose.
      checks: { ineffectiveDynamicImport: false },
      output: {
        // Vite 8 library mode does not minify without this (build.minify alone is ignored).
        minify: true,
        // Two shared chunks instead of a dozen tiny ones: `shared` for what every element needs,
        // the login included (Lit, zod, the contract, the client, sessions, shared styles and
        // fields), and `forms` for what only the later steps share (asset forms, choice lists,
        // card and plate validators), so the first step does not download it.
        codeSplitting: {
          groups: [
            { name: 'shared', priority: 2, test: (id: string) => SHARED.test(id) && !FORMS.test(id) },
            { name: 'forms', priority: 1, test: FORMS },
          ],
        },
        // Chunks are named for what they hold (insurup-quotes-<hash>.js, signalr-<hash>.js).
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          const element = /elements\/(insurup-[\w-]+)\//.exec(id)?.[1];
          if (element) return `chunks/${element}-[hash].js`;
          if (id.includes('@microsoft/signalr')) return 'chunks/signalr-[hash].js';
          if (id.endsWith('/bootstrap.ts')) return 'chunks/core-[hash].js';
          return 'chunks/[name]-[hash].js';
        },
      },
    },
  },
});
