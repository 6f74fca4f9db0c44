// Front-end types from the running server: graphql-codegen (typescript, typescript-operations, typed-document-node)
// reads the schema by introspection at /graphql/schema and writes generated.ts for codegen/operations.graphql; tsc
// --strict compiles the urql client codegen/client.ts against it, which then runs against the server; and
// codegen/misuse.ts, which uses a nullable count as a number, must fail to compile. Prints one JSON line.
// Usage: node codegen.mjs http://localhost:PORT OUT_DIR
import { codegen } from '@graphql-codegen/core';
import * as operations from '@graphql-codegen/typescript-operations';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import { buildClientSchema, getIntrospectionQuery, parse, printSchema } from 'graphql';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const [base, outDir] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
// the compiled client resolves @urql/core (and tsc its types) from this folder's packages
symlinkSync(path.join(here, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');

const started = Date.now();
const response = await fetch(`${base}/graphql/schema`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ query: getIntrospectionQuery() }),
});
const introspection = await response.json();
const schema = parse(printSchema(buildClientSchema(introspection.data)));
const generated = await codegen({
  schema, filename: 'generated.ts', config: {},
  documents: [{ location: 'operations.graphql', document: parse(readFileSync(path.join(here, 'codegen/operations.graphql'), 'utf8')) }],
  plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
  pluginMap: { 'typescript-operations': operations, 'typed-document-node': typedDocumentNode },
});
writeFileSync(path.join(outDir, 'generated.ts'), generated);
const generatedMs = Date.now() - started;
for (const file of ['client.ts', 'misuse.ts']) {
  copyFileSync(path.join(here, 'codegen', file), path.join(outDir, file));
}
writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}\n');

const tsc = path.join(here, 'node_modules/typescript/bin/tsc');
const options = ['--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
  '--lib', 'es2022,dom', '--outDir', path.join(outDir, 'js')];
const compile = files => {
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [tsc, ...options, ...files.map(f => path.join(outDir, f))], { encoding: 'utf8' });
  return { status: run.status, output: (run.stdout + run.stderr).trim(), ms: Date.now() - t0 };
};
const client = compile(['generated.ts', 'client.ts']);
const misuse = compile(['generated.ts', 'misuse.ts']);
let ran = null;
if (client.status === 0 && existsSync(path.join(outDir, 'js/client.js'))) {
  const run = spawnSync(process.execPath, [path.join(outDir, 'js/client.js'), base], { encoding: 'utf8' });
  ran = run.status === 0 ? JSON.parse(run.stdout.trim().split('\n').pop()) : { failed: run.stderr };
}
console.log(JSON.stringify({
  generatedMs, generatedLines: generated.split('\n').length,
  hasBreakdownType: /export type BreakdownQuery = /.test(generated),
  client: { status: client.status, output: client.output, ms: client.ms },
  misuse: { status: misuse.status, errors: [...misuse.output.matchAll(/error (TS\d+)/g)].map(m => m[1]), ms: misuse.ms },
  ran,
}));
