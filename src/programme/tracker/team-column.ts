import { findIdentifier } from '../../domain/identifiers/index.js';
import { headerWords } from './header-words.js';

// "Team", "Locality", "Area office", "Social work team", "Locality team", "Team name".
const TEAM_HEADER = /^((social work|sw|allocated|locality|area) )?(team|locality|area office|office|area team)( name)?$/;

/** Whether a header names the column of each case's team or locality. */
export function isTeamHeader(header: string): boolean {
  return TEAM_HEADER.test(headerWords(header));
}

/**
 * A team cell, tidied; blank is no team. A cell that holds an identifier refuses its row without
 * quoting it (a stray name in the wrong column must not travel into the preview).
 */
export function teamOfCell(text: string, today: string): { team: string | undefined } | { problem: string } {
  const team = text.replace(/\s+/g, ' ').trim();
  if (!team) return { team: undefined };
  if (findIdentifier(team, new Date(`${today}T12:00:00Z`))) return { problem: 'the team cell holds something that looks like a personal detail' };
  if (team.length > 40 || !/[a-z]/i.test(team)) return { problem: 'the team cell is not a team name (letters, at most 40)' };
  return { team: team.charAt(0).toUpperCase() + team.slice(1) };
}
