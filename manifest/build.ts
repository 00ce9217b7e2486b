import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import {
  checkInputs,
  slackManifest,
  teamsManifest,
  type ManifestInputs,
} from './render-manifests.js';

const HERE = new URL('./', import.meta.url);
/** A fixed timestamp keeps the zip byte-identical for the same inputs. */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');

/**
 * Writes `slack-manifest.yaml` and, given an app id, `teams-app.zip` (manifest.json, color.png and
 * outline.png at the root, as Teams requires) into `outDir`. Throws with every problem at once.
 */
export async function buildManifests(
  inputs: ManifestInputs,
  outDir: string,
): Promise<{ teamsZip?: string; slackYaml: string }> {
  const problems = checkInputs(inputs);
  if (problems.length > 0)
    throw new Error(`cannot build the manifests:\n  ${problems.join('\n  ')}`);
  mkdirSync(outDir, { recursive: true });
  const slackYaml = join(outDir, 'slack-manifest.yaml');
  writeFileSync(slackYaml, slackManifest(inputs));
  if (!inputs.appId) return { slackYaml };
  const teamsZip = join(outDir, 'teams-app.zip');
  await writeTeamsZip(inputs, teamsZip);
  return { teamsZip, slackYaml };
}

async function writeTeamsZip(inputs: ManifestInputs, path: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(`${JSON.stringify(teamsManifest(inputs), null, 2)}\n`),
    'manifest.json',
    { mtime: ZIP_TIME },
  );
  for (const icon of ['color.png', 'outline.png']) {
    zip.addBuffer(readFileSync(new URL(`teams/${icon}`, HERE)), icon, { mtime: ZIP_TIME });
  }
  zip.end();
  await new Promise<void>((done, fail) => {
    zip.outputStream.pipe(createWriteStream(path)).on('close', done).on('error', fail);
  });
}

/** Arguments win over the environment: --app-id, --public-url, --version, --developer, --out. */
export function inputsFrom(
  argv: string[],
  env: Record<string, string | undefined>,
): { inputs: ManifestInputs; outDir: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      'app-id': { type: 'string' },
      'public-url': { type: 'string' },
      version: { type: 'string' },
      developer: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const packageVersion = (
    JSON.parse(readFileSync(new URL('../package.json', HERE), 'utf8')) as { version: string }
  ).version;
  return {
    inputs: {
      appId: values['app-id'] ?? env.MicrosoftAppId ?? env.MICROSOFT_APP_ID ?? '',
      publicUrl: values['public-url'] ?? env.PUBLIC_URL ?? '',
      version: values.version ?? env.APP_VERSION ?? packageVersion,
      developerName: values.developer ?? env.DEVELOPER_NAME ?? 'pacebot',
    },
    outDir: resolve(values.out ?? 'dist'),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { inputs, outDir } = inputsFrom(process.argv.slice(2), process.env);
    const { teamsZip, slackYaml } = await buildManifests(inputs, outDir);
    const teamsLine = teamsZip
      ? `Teams app package: ${teamsZip}`
      : 'Teams app package: skipped (no --app-id / MicrosoftAppId)';
    process.stdout.write(`${teamsLine}\nSlack app manifest: ${slackYaml}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
