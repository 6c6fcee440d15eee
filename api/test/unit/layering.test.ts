import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ESLint } from 'eslint';

/**
 * The placement rule (docs/ARCHITECTURE.md) is enforced by eslint-plugin-boundaries in eslint.config.js: a wrong-way
 * import fails `npm run lint`. These snippets are linted as if they were files at the given paths.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const RULE = 'boundaries/dependencies';

describe('layering: the lint rule that keeps imports flowing one way', function () {
  this.timeout(120_000);
  // Only the layering rule runs: the test is about it, and the other rules would cost time on a loaded machine.
  const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === RULE });
  const errorsOf = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    return result!.messages.filter((m) => m.ruleId === RULE);
  };

  const wrongWay: [string, string, string][] = [
    ['a domain folder importing an operation', 'api/src/referrals/wrong-way.ts', "import { generateImage } from '../operations/studio/generate-image.js';\nexport const x = generateImage;\n"],
    ['a domain folder importing a presenter', 'api/src/community/wrong-way.ts', "import { presentCard } from '../presenters/community.js';\nexport const x = presentCard;\n"],
    ['a domain folder importing a controller', 'api/src/payments/wrong-way.ts', "import { StudioController } from '../controllers/studio.controller.js';\nexport const x = StudioController;\n"],
    ['a domain folder importing the app wiring', 'api/src/referrals/wrong-way.ts', "import { buildApp } from '../app.js';\nexport const x = buildApp;\n"],
    ['a controller skipping the operations', 'api/src/controllers/wrong-way.controller.ts', "import { GenerationJob } from '../models/index.js';\nexport const x = GenerationJob;\n"],
    ['a presenter calling an operation', 'api/src/presenters/wrong-way.ts', "import { listTiers } from '../operations/studio/list-tiers.js';\nexport const x = listTiers;\n"],
  ];
  for (const [what, file, code] of wrongWay) {
    it(`fails on ${what}`, async () => {
      const errors = await errorsOf(file, code);
      expect(errors, JSON.stringify(errors)).to.have.length(1);
      expect(errors[0]!.severity).to.equal(2);
    });
  }

  it('accepts the right way: controller -> operation -> presenter and domain', async () => {
    expect(await errorsOf('api/src/controllers/right-way.controller.ts',
      "import { listTiers } from '../operations/studio/list-tiers.js';\nimport type { JobView } from '../presenters/studio.js';\nimport { notFound } from '../errors.js';\nexport const x = [listTiers, notFound];\nexport type Y = JobView;\n")).to.deep.equal([]);
    expect(await errorsOf('api/src/operations/studio/right-way.ts',
      "import { presentJob } from '../../presenters/studio.js';\nimport { tierCost } from '../../studio/tiers.js';\nimport { applyMovement } from '../../ledger/ledger.js';\nexport const x = [presentJob, tierCost, applyMovement];\n")).to.deep.equal([]);
  });

  it('passes on the real tree', async () => {
    const results = await eslint.lintFiles(['api/src']);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === RULE).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`));
    expect(problems).to.deep.equal([]);
  });
});
