import type { Server } from 'restify';

/**
 * The privacy statement and terms the Teams manifest links to (`/privacy`, `/terms`). Plain HTML,
 * served by every instance; an area can put its own wording behind the same URLs with a proxy.
 */
const PAGE = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — pacebot</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.5rem}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;

const PRIVACY = PAGE(
  'Privacy',
  `<p>pacebot helps Quality Improvement groups in children's services record tests of change and the dates children reach permanence milestones.</p>
<ul>
<li>It stores <strong>pseudonymous case references only</strong> (for example C1042) with milestone dates — never a child's name, date of birth or address. Text that does not match the area's case-reference pattern is refused as an identifier.</li>
<li>It stores the work of the groups: tests of change, notes, measures, prompts and digests, and the names and chat ids of the people who use it.</li>
<li>Every change is kept in an audit trail: who, when, the value before and after, and where it came from. The message that was typed is never kept; nor is it written to the service's logs.</li>
<li>Free text (notes, forms, replies to prompts, tracker headings) is checked before it is stored: dates of birth, CHI and NHS numbers, postcodes, email addresses, phone numbers and full names next to a child word are refused and nothing is saved. The check cannot catch everything; please never type them.</li>
<li>A child's record is erased automatically a set time after the order is granted (12 months by default) or after its last activity (24 months); administrators are told 30 days before and can keep it longer, with a recorded reason.</li>
<li>Erasing a case deletes it, removes every note, question and message that named it, and rewrites the store's files so nothing of it is left in them.</li>
<li>An administrator can import the area's tracker from an Excel or CSV file. Only the case reference and milestone date columns are read; columns holding names, dates of birth, addresses, postcodes, CHI or NHS numbers, phone numbers or emails are named in the preview and never read or stored. The file itself is never stored: it is held in memory for at most half an hour so the columns can be re-mapped.</li>
<li>An administrator can export the whole programme, or everything held about one case reference (that child only), as an Excel file, and erase a case.</li>
<li>Data from one Slack workspace or Microsoft Teams tenant is never visible from another.</li>
<li>The data lives in the MongoDB database your organisation runs pacebot with. Message text is not written to the service's logs.</li>
</ul>`,
);

const TERMS = PAGE(
  'Terms of use',
  `<p>Use pacebot for your programme's improvement work. Record pseudonymous case references only; never type a child's name or other identifying details. Your organisation's information-governance rules apply to everything you record.</p>`,
);

export function registerLegalPages(server: Server): void {
  for (const [path, html] of [['/privacy', PRIVACY], ['/terms', TERMS]] as const) {
    server.get(path, (_req, res, next) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600' });
      res.end(html);
      next(false);
    });
  }
}
