// custom-elements.json from the elements' JSDoc (@summary, @fires, @csspart, @cssprop, @slot)
// and their Lit properties. `npm run build` runs `cem analyze --config
// custom-elements-manifest.config.mjs`; scripts/docs.mjs turns the manifest into the README's
// element reference.
//
// The elements register through `defineElement(tag, Class)` (guarded against a second copy of
// the bundle), not `customElements.define`, so a small plugin tells the analyzer their tags.

/** Finds `defineElement('insurup-x', Class)` calls and marks `Class` as the element `insurup-x`. */
function defineElementPlugin() {
  return {
    name: 'insurup-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, constructor] = node.arguments;
      if (!tag || !constructor || !ts.isStringLiteral(tag)) return;
      const className = constructor.getText();
      const declaration = moduleDoc.declarations?.find((d) => d.name === className);
      if (!declaration) return;
      declaration.tagName = tag.text;
      declaration.customElement = true;
      moduleDoc.exports ??= [];
      if (!moduleDoc.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tag.text)) {
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: className, module: moduleDoc.path },
        });
      }
    },
  };
}

export default {
  globs: ['src/widget/elements/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.d.ts'],
  // A relative outdir: the analyzer joins it to the working directory (an absolute one too).
  outdir: '.',
  litelement: true,
  // Do not write a `customElements` field into package.json.
  packagejson: false,
  quiet: true,
  plugins: [defineElementPlugin()],
};
