import { analyseControlChart } from '../domain/spc/analyse-control-chart.js';
import { parseSpcInput } from '../domain/spc/parse-spc-input.js';
import { spcSummary } from '../domain/spc/spc-summary.js';
import { answerJsonFromStdin } from './json-stdin-cli.js';

/**
 * Reads one JSON object from stdin ({"chart", "values", "denominators"?, "freeze"?, "parts"?,
 * "exclude"?}) and prints one line: {"chart", "phases":[…]} on success, or {"error":"…"} with exit
 * code 1 (docs/spc.md). Never a stack trace.
 */
await answerJsonFromStdin((input) => spcSummary(analyseControlChart(parseSpcInput(input))));
