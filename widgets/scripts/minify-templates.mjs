// Rollup plugin: shrinks the static text of Lit's css`` and html`` templates, which terser leaves as they are.
// - css`` without expressions: minified by esbuild's CSS minifier (whitespace, `;}`, colours), same rules.
// - html`` (and css`` with expressions): every run of whitespace that contains a line break becomes one line break.
//   Whitespace stays whitespace (inline elements keep their gaps; no template has <pre> or text inside <textarea>),
//   only the source indentation goes.
// Runs after the TypeScript plugin, on its JavaScript; templates are found in the AST, not with regular expressions.
// Only esbuild (a devDependency) beyond rollup itself: the AST walk and the splicing are done here.
import { transform } from 'esbuild';

/** Calls `visit` on every node of an ESTree AST. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

const collapse = (raw) => raw.replace(/[ \t]*\n[ \t\n]*/g, '\n');
// Back to template-literal source: the minified CSS is cooked text.
const toRaw = (cooked) => cooked.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

export function minifyTemplates({ include = /[\\/]widgets[\\/]src[\\/].*\.ts$/ } = {}) {
  return {
    name: 'minify-templates',
    async transform(code, id) {
      if (!include.test(id) || !/\b(?:html|css)\s*`/.test(code)) return null;
      const ast = this.parse(code);
      const edits = []; // [start, end, text]
      const cssJobs = [];
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !['html', 'css'].includes(node.tag.name)) return;
        const quasis = node.quasi.quasis;
        if (quasis.some((q) => code.slice(q.start, q.end) !== q.value.raw)) return; // positions not as expected: leave it
        if (node.tag.name === 'css' && quasis.length === 1 && quasis[0].value.cooked != null) {
          cssJobs.push(transform(quasis[0].value.cooked, { loader: 'css', minify: true }).then((r) => edits.push([quasis[0].start, quasis[0].end, toRaw(r.code.trim())])));
          return;
        }
        for (const q of quasis) if (/\n/.test(q.value.raw)) edits.push([q.start, q.end, collapse(q.value.raw)]);
      });
      await Promise.all(cssJobs);
      if (!edits.length) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}
