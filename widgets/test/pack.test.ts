import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ROOT, blankProject, ensureBuilt, pack, type BlankProject } from '../../scripts/pack-install.js';

const readJson = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));

describe('widgets: the npm package, its manifest, types, React wrappers and SRI hashes', function () {
  this.timeout(300_000);
  let tmp: string;
  let files: string[];
  let app: BlankProject;

  before(() => {
    ensureBuilt('widgets', 'widgets/dist/custom-elements.json');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-tgz-'));
    const packed = pack('widgets', tmp);
    files = packed.files;
    app = blankProject([packed.tarball]);
  });
  after(() => {
    app?.remove();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('packs the modules, declarations, both bundles and the manifest, no sources', () => {
    expect(files).to.include.members(['package.json', 'dist/npm/index.js', 'dist/npm/index.d.ts', 'dist/npm/react.js', 'dist/npm/react.d.ts',
      'dist/ais-widgets.js', 'dist/ais-widgets.iife.js', 'dist/custom-elements.json', 'dist/sri.json']);
    // ais-widgets.js imports its lazy chunks (admin widget, Hindi strings) from dist/chunks/: they ship with it.
    expect(files.filter((f) => f.startsWith('dist/chunks/')).length, 'lazy chunks of the bundle').to.be.at.least(2);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('dist/esm/'))).to.deep.equal([]);
  });

  it('installs with lit as the peer dependency it shares with the app (one copy)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(app.dir, 'node_modules/@community-ai-studio/widgets/package.json'), 'utf8'));
    expect(pkg.peerDependencies).to.have.property('lit');
    expect(fs.existsSync(path.join(app.dir, 'node_modules/lit/package.json'))).to.equal(true);
    expect(fs.existsSync(path.join(app.dir, 'node_modules/@community-ai-studio/widgets/node_modules/lit'))).to.equal(false);
  });

  it('imports and registers every widget (Node, with Lit\'s DOM shim)', () => {
    const out = app.node(`
      const m = await import('@community-ai-studio/widgets');
      const tags = ['ais-studio', 'ais-my-creations', 'ais-feed', 'ais-wallet', 'ais-referral', 'ais-admin'];
      console.log(typeof m.configure, tags.map((t) => customElements.get(t)?.name).join(','));
    `);
    expect(out.trim()).to.equal('function AisStudio,AisMyCreations,AisFeed,AisWallet,AisReferral,AisAdmin');
  });

  it('type-checks a strict consumer: typed tags through HTMLElementTagNameMap, and the React wrappers in TSX', () => {
    // React itself is not installed here (no network for it); its types come with @lit/react's peer @types/react.
    const r = app.tsc({
      'consumer.ts': `
        import { configure, type AisStudio, type AisWallet } from '@community-ai-studio/widgets';
        configure({ apiBase: 'https://studio.example.com', getToken: async () => 'jwt' });
        export const studio: AisStudio | null = document.querySelector('ais-studio');
        export const wallet: AisWallet = document.createElement('ais-wallet');
        // @ts-expect-error not a property of the studio
        studio?.noSuchProperty;
      `,
      'page.tsx': `
        import { AisStudio, AisWallet } from '@community-ai-studio/widgets/react';
        export const Page = () => (
          <>
            <AisWallet onPurchaseCompleted={(e) => console.log(e.detail)} />
            <AisStudio listenRemix onGenerated={(e) => console.log(e.detail)} />
          </>
        );
        // @ts-expect-error not a prop of the studio
        export const Bad = () => <AisStudio noSuchProp={1} />;
      `,
    }, { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], jsx: 'react-jsx', types: [] });
    expect(r.output).to.equal('');
    expect(r.ok).to.equal(true);
  });

  it('ships a custom-elements.json naming every widget with its attributes and events', () => {
    const manifest = readJson('widgets/dist/custom-elements.json');
    const decls = manifest.modules.flatMap((m: { declarations?: { tagName?: string; attributes?: { name: string }[]; events?: { name: string }[] }[] }) => m.declarations ?? []);
    const byTag = Object.fromEntries(decls.filter((d: { tagName?: string }) => d.tagName).map((d: { tagName: string }) => [d.tagName, d]));
    for (const tag of ['ais-studio', 'ais-my-creations', 'ais-feed', 'ais-wallet', 'ais-referral', 'ais-admin']) expect(byTag, tag).to.have.property(tag);
    expect(byTag['ais-studio'].attributes.map((a: { name: string }) => a.name)).to.include.members(['listen-remix', 'api-base', 'locale']);
    expect(byTag['ais-studio'].events.map((e: { name: string }) => e.name)).to.include.members(['ais-generated', 'ais-error', 'ais-token-expired']);
    expect(byTag['ais-wallet'].events.map((e: { name: string }) => e.name)).to.include('ais-purchase-completed');
    expect(readJson('widgets/package.json').customElements).to.equal('./dist/custom-elements.json');
  });

  it('docs/widgets.md lists the SRI hashes of the built bundles (package-meta.mjs --check)', () => {
    const r = spawnSync(process.execPath, ['widgets/scripts/package-meta.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).to.equal('');
    expect(r.status).to.equal(0);
    const sri = readJson('widgets/dist/sri.json');
    const doc = fs.readFileSync(path.join(ROOT, 'docs/widgets.md'), 'utf8');
    for (const [file, hash] of Object.entries(sri.files)) expect(doc).to.contain(`| \`/widgets/v${sri.version}/${file}\` | \`${hash as string}\` |`);
  });
});
