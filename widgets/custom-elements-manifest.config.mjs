// Custom Elements Manifest settings (read by `cem analyze` in widgets/scripts/package-meta.mjs).
// The widgets register through our own `define(tag, Class)` and fire events through `this.emit(name, detail)`,
// which the analyzer does not know: this plugin reads both so the manifest has tag names and events.
function aisWidgets() {
  const found = new Map(); // module path -> { tags: [tag, className][], events: Map<className, Set<event>> }
  const of = (path) => found.get(path) ?? found.set(path, { tags: [], events: new Map() }).get(path);
  return {
    name: 'ais-widgets',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !node.arguments.length || !ts.isStringLiteral(node.arguments[0])) return;
      const name = node.arguments[0].text;
      const entry = of(moduleDoc.path);
      if (ts.isIdentifier(node.expression) && node.expression.text === 'define' && node.arguments[1] && ts.isIdentifier(node.arguments[1])) {
        entry.tags.push([name, node.arguments[1].text]);
      } else if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'emit' && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
        let cls = node.parent;
        while (cls && !ts.isClassDeclaration(cls)) cls = cls.parent;
        const className = cls?.name?.text;
        if (className) (entry.events.get(className) ?? entry.events.set(className, new Set()).get(className)).add(name);
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      // emit() itself dispatches `new CustomEvent(name)`, which the analyzer lists as an event called "name".
      for (const decl of moduleDoc.declarations ?? []) if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('ais-'));
      const entry = found.get(moduleDoc.path);
      if (!entry) return;
      for (const decl of moduleDoc.declarations ?? []) {
        const names = entry.events.get(decl.name);
        if (!names) continue;
        decl.events ??= [];
        for (const n of names) if (!decl.events.some((e) => e.name === n)) decl.events.push({ name: n, type: { text: 'CustomEvent' } });
      }
      for (const [tag, className] of entry.tags) {
        const decl = (moduleDoc.declarations ?? []).find((d) => d.name === className);
        if (!decl) continue;
        decl.tagName = tag;
        decl.customElement = true;
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: moduleDoc.path } });
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/react.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself; the analyzer must not rewrite it at every build.
  packagejson: false,
  plugins: [aisWidgets()],
};
