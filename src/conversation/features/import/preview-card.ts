import type { Card, CardButton, CardSection } from '../../../../cards/model.js';
import { labelMidSentence, type MilestoneCatalogue } from '../../../domain/milestone-catalogue.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { labelOf } from '../../../programme/cases/milestone-settings.js';
import type { ImportPreview } from '../../../programme/imports/preview-import.js';
import { milestoneOfHeader } from '../../../programme/tracker/header-milestones.js';
import type { TrackerColumn } from '../../../programme/tracker/tracker-types.js';
import { ADD_MILESTONE, CANCEL_IMPORT, CONFIRM_IMPORT, OPEN_REMAP } from './import-verbs.js';
import { plain } from '../../replies.js';

/** Long lists are cut: a phone shows the first few and says how many more. */
const SHOW_CHANGES = 12;
const SHOW_REFUSED = 15;
const MAX_NEW_MILESTONE_BUTTONS = 3;

const IDENTIFIER_WORDS: Record<string, string> = {
  name: 'a name',
  date_of_birth: 'dates of birth',
  address: 'addresses',
  postcode: 'postcodes',
  chi_or_nhs_number: 'CHI or NHS numbers',
  phone: 'phone numbers',
  email: 'email addresses',
};

const rowName = (row: number | string) => (typeof row === 'number' ? `Row ${row}` : row);

function columnLine(column: TrackerColumn, catalogue: MilestoneCatalogue): string {
  if (column.kind === 'reference') return `- ${plain(column.header)} → case reference`;
  if (column.kind === 'team') return `- ${plain(column.header)} → team`;
  if (column.kind === 'milestone') return `- ${plain(column.header)} → ${plain(labelOf(catalogue, column.milestone!))}`;
  if (column.kind === 'identifier') {
    const what = IDENTIFIER_WORDS[column.identifier ?? ''] ?? 'personal details';
    return `- ${plain(column.header)} → not read (holds ${what})`;
  }
  const offer = column.holdsDates && !milestoneOfHeader(column.header, catalogue);
  return `- ${plain(column.header)} → ignored${offer ? ' (holds dates: add it as a milestone?)' : ''}`;
}

function more(count: number, shown: number): string {
  return count > shown ? `\n…and ${count - shown} more` : '';
}

function changeLines({ plan }: ImportPreview, catalogue: MilestoneCatalogue): string {
  const lines = plan.cases.flatMap(({ caseRef, changes }) =>
    changes
      .filter((c) => c.kind !== 'new')
      .map(({ record, previous }) => {
        const was = record.planned ? previous?.planned : (previous?.actual ?? previous?.planned);
        const what = plain(labelMidSentence(labelOf(catalogue, record.milestone)));
        return `- ${caseRef} ${what}: ${dayLabel(was ?? record.date)} → ${dayLabel(record.date)}`;
      }),
  );
  return lines.slice(0, SHOW_CHANGES).join('\n') + more(lines.length, SHOW_CHANGES);
}

/** After "send it again": what happens then to the rows this file does import, if any. */
function againNote(nothingNew: boolean, allRefused: boolean): string {
  if (allRefused) return '.';
  return nothingNew ? ': dates already held stay as they are.' : ': rows already imported stay as they are.';
}

/** The card's last line: why there is nothing to confirm, or that nothing is stored until Confirm. */
function outcome(fileName: string, nothingNew: boolean, allRefused: boolean, someRefused: boolean): string {
  if (!nothingNew) return 'Nothing is stored until you confirm.';
  if (allRefused) return 'Nothing could be imported: every row was refused — see why below.';
  if (someRefused) {
    return 'Nothing new: every date of the rows I could read is already held, and the other rows were refused — see why below.';
  }
  return `Nothing new: every date in ${plain(fileName)} is already held, so there is nothing to confirm.`;
}

/**
 * What an import would do, before anything is stored: how the file was read (header row, each
 * column's meaning), the counts, the changes to cases already held, and every refused row with its
 * reason. Confirm stores it all as one audited import; Cancel stores nothing.
 */
export function previewCard(preview: ImportPreview, catalogue: MilestoneCatalogue): Card {
  const { imp, reading, plan } = preview;
  const data = { import: imp._id.toHexString() };
  const refused = [...reading.rowErrors, ...plan.refused];
  const sheetWord = reading.sheets.length > 1 ? `, ${reading.sheets.length} sheets` : '';
  const held = reading.cases - plan.counts.newCases - plan.refused.length;
  const nothingNew = plan.cases.length === 0;
  // Nothing to import because no row could be read is not "nothing new": none of it is held.
  const allRefused = nothingNew && refused.length > 0 && held <= 0;
  const sections: CardSection[] = [
    {
      heading: 'Columns',
      text: reading.columns.map((c) => columnLine(c, catalogue)).join('\n'),
    },
  ];
  if (plan.counts.changedDates > 0) {
    sections.push({ heading: 'Changes to dates already held', text: changeLines(preview, catalogue) });
  }
  const last = outcome(imp.fileName, nothingNew, allRefused, refused.length > 0);
  // A line that says "see why below" goes above the refused rows.
  const lastFirst = nothingNew && refused.length > 0;
  if (lastFirst) sections.push({ text: last });
  if (refused.length > 0) {
    // Reasons quote the file's own cells and sheet names.
    const lines = refused.slice(0, SHOW_REFUSED).map((e) => `- ${plain(rowName(e.row))}: ${plain(e.reason)}`);
    sections.push({
      heading: `Rows not imported (${refused.length})`,
      text:
        lines.join('\n') +
        more(refused.length, SHOW_REFUSED) +
        `\nCorrect them in the file and send it again${againNote(nothingNew, allRefused)}` +
        // Editing a workbook on a phone is not practical (a try-out): a date or two can be said.
        '\nFor a row or two, you can instead tell me their dates in a message, as you would any date.',
    });
  }
  if (!lastFirst) sections.push({ text: last });
  // Only a heading no milestone answers to is offered as a new one: an admin who chose to ignore
  // "ADM decision" is not asked to add it again.
  const candidates = reading.columns.filter(
    (c) => c.kind === 'ignored' && c.holdsDates && !milestoneOfHeader(c.header, catalogue),
  );
  const addButtons: CardButton[] = candidates.slice(0, MAX_NEW_MILESTONE_BUTTONS).map((c, i) => ({
    id: `add-${i}`,
    label: `Add “${c.header.slice(0, 40)}” as a milestone`,
    action: { verb: ADD_MILESTONE, data: { ...data, header: c.header.slice(0, 200) } },
  }));
  return {
    title: allRefused ? `Nothing to import from ${imp.fileName}` : nothingNew ? `Nothing new in ${imp.fileName}` : `Import ${imp.fileName}?`,
    subtitle: `Header row ${reading.headerRow}${sheetWord}`,
    facts: [
      { label: 'Cases', value: `${reading.cases} (${plan.counts.newCases} new, ${Math.max(held, 0)} already held)` },
      { label: 'Dates', value: `${reading.dates} happened, ${reading.planned} planned` },
      { label: 'New dates', value: String(plan.counts.newDates) },
      { label: 'Changed dates', value: String(plan.counts.changedDates) },
      { label: 'Already held', value: String(plan.counts.unchangedDates) },
      { label: 'Rows not imported', value: String(refused.length) },
    ],
    sections,
    buttons: [
      ...(nothingNew
        ? []
        : [{ id: 'confirm', label: 'Confirm import', style: 'primary' as const, action: { verb: CONFIRM_IMPORT, data } }]),
      { id: 'remap', label: 'Change columns', action: { verb: OPEN_REMAP, data } },
      ...addButtons,
      { id: 'cancel', label: 'Cancel', action: { verb: CANCEL_IMPORT, data } },
    ],
  };
}
