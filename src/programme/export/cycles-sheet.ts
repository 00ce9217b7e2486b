import type ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { PdsaCycle, PdsaStage } from '../../store/schemas/pdsa.js';
import type { PredictionCheck, Verdict } from '../../store/schemas/prediction.js';
import { cycleId } from '../pdsa/cycle-id.js';
import { dateCell, fitText, localDayCell, yesNo } from './excel-values.js';
import { addTableSheet, type Column, type Row } from './sheet-style.js';

export const CYCLES_SHEET = 'Tests of change';

export interface CyclesOptions {
  groupNames: ReadonlyMap<string, string>;
  timeZone: string;
}

type Field = Column & { value(cycle: PdsaCycle, options: CyclesOptions): ExcelJS.CellValue };

const day = (at: Date | undefined, options: CyclesOptions) => localDayCell(at, options.timeZone);

/** The day a stage was first recorded, where the programme is. */
const recorded =
  (stage: PdsaStage): Field['value'] =>
  (cycle, options) =>
    day(cycle.stageDates?.[stage], options);

/** A verdict as a word a filter can pick: "partly met", not the stored "partly_met". */
const verdictWords = (verdict: Verdict | undefined) => (verdict ? verdict.replace(/_/g, ' ') : null);

/** A studied prediction's check, if Study recorded one (older or unlinked tests have none). */
const checkOf = (cycle: PdsaCycle): PredictionCheck | undefined => cycle.study?.predictionCheck;

/** The notes in one cell, a line each: "2026-11-03 Ada Lovelace: both chairs liked it". */
function notesText(cycle: PdsaCycle, timeZone: string): string | null {
  // Stored documents are not parsed on reading, so an older cycle may lack the defaulted fields.
  const lines = (cycle.notes ?? []).map((note) => {
    const when = DateTime.fromJSDate(note.at, { zone: timeZone }).toISODate();
    return `${when} ${note.byName ?? note.by}: ${note.text}`;
  });
  return fitText(lines.join('\n'));
}

/**
 * Every field of the PDSA worksheet, in the order a team fills it in; database ids, versions and
 * the owner's platform id are left out.
 */
const FIELDS: Field[] = [
  { header: 'Test', width: 8, value: (c) => cycleId(c.number) },
  { header: 'Title', width: 40, value: (c) => c.title },
  {
    header: 'Aim group',
    width: 24,
    value: (c, o) => o.groupNames.get(c.groupKey) ?? c.groupKey,
  },
  { header: 'Owner', width: 20, value: (c) => c.ownerName },
  { header: 'Stage', width: 8, value: (c) => c.stage },
  { header: 'Change idea', width: 30, value: (c) => c.changeIdea },
  { header: 'Library idea', width: 20, value: (c) => c.changeIdeaId ?? null },
  {
    header: 'Builds on',
    width: 10,
    value: (c) => (c.previousNumber ? cycleId(c.previousNumber) : null),
  },
  { header: 'Ramp position', width: 10, value: (c) => c.rampPosition ?? 1 },
  { header: 'Objective', width: 40, value: (c) => fitText(c.plan.objective) },
  { header: 'Questions', width: 30, value: (c) => fitText(c.plan.questions) },
  { header: 'Prediction', width: 40, value: (c) => fitText(c.plan.prediction) },
  { header: 'Who', width: 20, value: (c) => fitText(c.plan.who) },
  { header: 'What', width: 20, value: (c) => fitText(c.plan.what) },
  { header: 'When', width: 20, value: (c) => fitText(c.plan.when) },
  { header: 'Where', width: 20, value: (c) => fitText(c.plan.where) },
  { header: 'Data to collect', width: 30, value: (c) => fitText(c.plan.dataToCollect) },
  { header: 'Planned start', width: 12, date: true, value: (c) => dateCell(c.plan.startOn) },
  { header: 'Carried out on', width: 12, date: true, value: (c) => dateCell(c.do?.carriedOutOn) },
  { header: 'What happened', width: 40, value: (c) => fitText(c.do?.whatHappened) },
  { header: 'Problems', width: 30, value: (c) => fitText(c.do?.problems) },
  {
    header: 'Results vs prediction',
    width: 40,
    value: (c) => fitText(c.study?.resultsVsPrediction),
  },
  // The verdict the group kept, the bot's, and whether (and why) a person overruled the bot.
  { header: 'Prediction verdict', width: 14, value: (c) => verdictWords(checkOf(c)?.verdict) },
  { header: 'Bot’s verdict', width: 14, value: (c) => verdictWords(checkOf(c)?.botVerdict) },
  {
    header: 'Overruled by a person',
    width: 12,
    value: (c) => {
      const check = checkOf(c);
      return check ? yesNo(check.verdict !== check.botVerdict) : null;
    },
  },
  { header: 'Why overruled', width: 40, value: (c) => fitText(checkOf(c)?.reason) },
  { header: 'Learned', width: 40, value: (c) => fitText(c.study?.learned) },
  { header: 'Decision', width: 10, value: (c) => c.act?.decision ?? null },
  { header: 'Next cycle', width: 30, value: (c) => fitText(c.act?.nextCycle) },
  {
    header: 'Linked measures',
    width: 30,
    value: (c) => fitText((c.linkedMeasures ?? []).join(', ')),
  },
  // The date the run charts mark the test at: the Do date, else the planned start.
  { header: 'Started on', width: 12, date: true, value: (c) => dateCell(c.startedOn) },
  { header: 'Planned (recorded)', width: 12, date: true, value: recorded('plan') },
  { header: 'Do (recorded)', width: 12, date: true, value: recorded('do') },
  { header: 'Study (recorded)', width: 12, date: true, value: recorded('study') },
  { header: 'Act (recorded)', width: 12, date: true, value: recorded('act') },
  { header: 'Notes', width: 50, value: (c, o) => notesText(c, o.timeZone) },
  { header: 'Created', width: 12, date: true, value: (c, o) => day(c.createdAt, o) },
  { header: 'Updated', width: 12, date: true, value: (c, o) => day(c.updatedAt, o) },
];

/** One row per test of change, by number: T-1 first. */
export function addCyclesSheet(
  workbook: ExcelJS.Workbook,
  cycles: readonly PdsaCycle[],
  options: CyclesOptions,
): void {
  const ordered = [...cycles].sort((a, b) => a.number - b.number);
  const rows = ordered.map((cycle): Row => FIELDS.map((field) => field.value(cycle, options)));
  addTableSheet(workbook, CYCLES_SHEET, FIELDS, rows);
}
