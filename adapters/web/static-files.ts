import { readFileSync } from 'node:fs';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** The page's own files; nothing else under public/ (or anywhere) can be asked for by name. */
const FILES: Record<string, string> = {
  'chat.js': 'text/javascript; charset=utf-8',
  'chat.css': 'text/css; charset=utf-8',
  'lightbox.js': 'text/javascript; charset=utf-8',
};

/** Reads the assets once, at start-up: they are a few kilobytes and never change while running. */
export function loadStaticFiles(): Map<string, StaticFile> {
  return new Map(
    Object.entries(FILES).map(([name, contentType]) => [
      name,
      { body: readFileSync(new URL(`./public/${name}`, import.meta.url)), contentType },
    ]),
  );
}
