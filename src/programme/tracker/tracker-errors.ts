import { ValidationError } from '../../errors.js';
import { MAX_TRACKER_BYTES, MAX_TRACKER_ROWS } from './tracker-limits.js';
import { plain } from '../../../cards/plain-text.js';

// Every message is one line: the CLI prints it as it is, and chat shows it under the upload.
// None names the file: a file name may hold a child's name.

export function unsupportedFileType(extension: string): ValidationError {
  const found = extension ? `this file is ${plain(extension)}` : 'this file has no extension';
  return new ValidationError(
    'tracker_file_type',
    `I can read trackers saved as .xlsx (Excel Workbook) or .csv, but ${found}. ` +
      'In Excel choose File › Save As › Excel Workbook (.xlsx), then upload that copy.',
    { field: 'file' },
  );
}

const UNREADABLE = {
  xlsx:
    'I couldn’t read this workbook. It may be damaged, password-protected or another kind of ' +
    'file renamed .xlsx. Open it in Excel, remove any password, save it as Excel Workbook ' +
    '(.xlsx) and upload that copy.',
  csv:
    'I couldn’t read this CSV file. Open it in Excel, save it as CSV UTF-8 (.csv) and upload ' +
    'that copy.',
};

export function unreadableFile(kind: 'xlsx' | 'csv', cause: unknown): ValidationError {
  return new ValidationError('tracker_unreadable', UNREADABLE[kind], { field: 'file', cause });
}

export function fileTooLarge(bytes: number): ValidationError {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return new ValidationError(
    'tracker_too_large',
    `This file is ${mb(bytes)}; a tracker can be up to ${mb(MAX_TRACKER_BYTES)}. Delete unused ` +
      'sheets, pictures and columns, or split the tracker into smaller files, then upload again.',
    { field: 'file' },
  );
}

export function tooManyRows(): ValidationError {
  const cap = MAX_TRACKER_ROWS.toLocaleString('en-GB');
  return new ValidationError(
    'tracker_too_large',
    `This tracker has more than ${cap} rows of cases, more than I can import at once. ` +
      'Split it into smaller files (for example one per year) and upload each.',
    { field: 'file' },
  );
}

export function noHeaderRow(): ValidationError {
  return new ValidationError(
    'tracker_no_header',
    'I couldn’t find the row of column headings: I need one row, near the top of a sheet, ' +
      'with a case reference column (such as “Case ref” or “Child ID”) and at least one ' +
      'milestone column (such as “Accommodated” or “Permanence panel”). Check the headings, ' +
      'then upload the file again.',
    { field: 'file' },
  );
}

export function unknownMappedMilestone(
  header: string,
  key: string,
  known: string[],
): ValidationError {
  return new ValidationError(
    'tracker_mapping',
    `“${plain(header)}” is mapped to “${plain(key)}”, which is not a milestone of this programme. ` +
      `Map it to one of ${known.join(', ')}, or to ignore.`,
    { field: 'mapping' },
  );
}

export function identifierMapped(header: string): ValidationError {
  return new ValidationError(
    'tracker_mapping',
    `“${plain(header)}” holds details that identify a person, so it is never imported. Map it to ` +
      'ignore; if it really holds milestone dates, rename the column and upload the file again.',
    { field: 'mapping' },
  );
}
