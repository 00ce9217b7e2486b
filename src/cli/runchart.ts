import { analyseRunChart } from '../domain/runchart/analyse-run-chart.js';
import { parseRunChartInput } from '../domain/runchart/parse-run-chart-input.js';
import { phaseSummary } from '../domain/runchart/phase-summary.js';
import { answerJsonFromStdin } from './json-stdin-cli.js';

/**
 * Reads one JSON object from stdin ({"values", "freeze"?, "parts"?, "exclude"?}) and prints one line:
 * {"phases":[…]} on success, or {"error":"…"} with exit code 1. Never a stack trace.
 */
await answerJsonFromStdin((input) => ({ phases: analyseRunChart(parseRunChartInput(input)).phases.map(phaseSummary) }));
