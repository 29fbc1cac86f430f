// Agency policy tools, over the same TypeScript the extension runs (via jiti):
//   npm run policy:check <file>   check a policy file; exit 1 on any error (warnings alone: 0)
//   npm run policy:formats        regenerate docs/policies' plist and .reg from chrome-linux.json
//   npm run policy:schema         regenerate public/managed_schema.json
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';

const root = resolve(import.meta.dirname, '..');
const jiti = createJiti(import.meta.url);
const load = (path) => jiti.import(resolve(root, path));

const [command, file] = process.argv.slice(2);

if (command === 'check') {
  if (!file) {
    console.error('Usage: npm run policy:check <policy.json>');
    process.exit(2);
  }
  const { checkPolicyFile, describeReport } = await load('lib/policy/check.ts');
  const { parseJson, describeJsonError } = await load('lib/policy/json.ts');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot be read: ${error.message}`);
    process.exit(1);
  }
  const json = parseJson(text);
  if (!json.ok) {
    for (const line of describeJsonError(file, json.error)) console.error(line);
    process.exit(1);
  }
  const { out, err, ok } = describeReport(file, checkPolicyFile(json.value));
  for (const line of out) console.log(line);
  for (const line of err) console.error(line);
  if (!ok) process.exit(1);
} else if (command === 'formats') {
  const { exampleFormats } = await load('lib/policy/formats.ts');
  const source = JSON.parse(readFileSync(resolve(root, 'docs/policies/chrome-linux.json'), 'utf8'));
  for (const [name, text] of Object.entries(exampleFormats(source))) {
    writeFileSync(resolve(root, 'docs/policies', name), text);
    console.log(`Wrote docs/policies/${name}`);
  }
} else if (command === 'schema') {
  const { managedSchema } = await load('lib/settings/agency-policy.ts');
  writeFileSync(
    resolve(root, 'public/managed_schema.json'),
    JSON.stringify(managedSchema(), null, 2) + '\n',
  );
  console.log('Wrote public/managed_schema.json');
} else {
  console.error('Usage: node scripts/policy.mjs check <file> | formats | schema');
  process.exit(2);
}
