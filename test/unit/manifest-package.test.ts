import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { loadImage, createCanvas } from 'canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { pngDimensions } from '../../cards/png-dimensions.js';
import { buildManifests } from '../../manifest/build.js';

const icon = (name: string) =>
  readFileSync(new URL(`../../manifest/teams/${name}`, import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacebot-manifest-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Entries of a zip file, read from its central directory (stored or deflated). */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return entries;
}

describe('Teams icons', () => {
  it('has a 192×192 colour icon and a 32×32 outline icon', () => {
    expect(pngDimensions(icon('color.png'))).toEqual({ width: 192, height: 192 });
    expect(pngDimensions(icon('outline.png'))).toEqual({ width: 32, height: 32 });
  });

  it('draws the outline icon in white only, on a transparent background', async () => {
    const ctx = createCanvas(32, 32).getContext('2d');
    ctx.drawImage(await loadImage(icon('outline.png')), 0, 0);
    const pixels = ctx.getImageData(0, 0, 32, 32).data;
    let transparent = 0;
    let drawn = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      else {
        drawn++;
        expect(Math.min(pixels[i]!, pixels[i + 1]!, pixels[i + 2]!)).toBeGreaterThanOrEqual(250);
      }
    }
    expect(transparent).toBeGreaterThan(512);
    expect(drawn).toBeGreaterThan(50);
  });

  it('fills the colour icon edge to edge (no transparent corners)', async () => {
    const ctx = createCanvas(192, 192).getContext('2d');
    ctx.drawImage(await loadImage(icon('color.png')), 0, 0);
    for (const [x, y] of [
      [0, 0],
      [191, 0],
      [0, 191],
      [191, 191],
    ] as const) {
      expect(ctx.getImageData(x, y, 1, 1).data[3]).toBe(255);
    }
  });
});

describe('manifest/build.ts', () => {
  const inputs = {
    appId: '5a0c1c1e-0000-4000-8000-00000000b07a',
    publicUrl: 'https://pacebot.example.org',
    version: '2.0.1',
    developerName: 'pacebot',
  };

  it('zips manifest.json and both icons at the root with every placeholder filled', async () => {
    const { teamsZip, slackYaml } = await buildManifests(inputs, tempDir());
    const entries = readZip(readFileSync(teamsZip!));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = entries.get('manifest.json')!.toString('utf8');
    expect(manifest).not.toContain('{{');
    expect(JSON.parse(manifest)).toMatchObject({
      id: inputs.appId,
      version: '2.0.1',
      bots: [{ botId: inputs.appId }],
      validDomains: ['pacebot.example.org'],
    });
    expect(entries.get('color.png')!.equals(icon('color.png'))).toBe(true);
    expect(entries.get('outline.png')!.equals(icon('outline.png'))).toBe(true);
    const slack = readFileSync(slackYaml, 'utf8');
    expect(slack).not.toContain('{{');
    expect(slack).toContain('request_url: "https://pacebot.example.org/slack/events"');
  });

  it('builds only the Slack manifest when no Teams app id is given', async () => {
    const built = await buildManifests({ ...inputs, appId: '' }, tempDir());
    expect(built.teamsZip).toBeUndefined();
    expect(readFileSync(built.slackYaml, 'utf8')).toContain(
      'https://pacebot.example.org/slack/oauth_redirect',
    );
  });

  it('runs from the command line with arguments, and refuses bad inputs naming each one', () => {
    const out = tempDir();
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'manifest/build.ts', ...args], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
    const ok = run(['--app-id', inputs.appId, '--public-url', inputs.publicUrl, '--out', out]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readZip(readFileSync(join(out, 'teams-app.zip'))).has('manifest.json')).toBe(true);
    const bad = run([
      '--app-id',
      'not-a-guid',
      '--public-url',
      'http://pacebot.example.org/bot',
      '--out',
      out,
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/app id: must be .* GUID/);
    expect(bad.stderr).toMatch(/public url: must be the https base URL/);
  });
});
