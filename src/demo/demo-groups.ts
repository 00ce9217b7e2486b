import type { Group } from '../store/schemas/group.js';
import { addDays } from './dates.js';

export type DemoGroup = Omit<Group, 'workspaceId' | '_id'>;

interface GroupSpec {
  key: string;
  name: string;
  statement: string;
  target: string;
  measureKey: string;
  leads: string[];
  members: string[];
}

/** Glenmoray's five aim groups. Derived measures are the programme's defaults; custom ones are in demo-measures.ts. */
const GROUPS: GroupSpec[] = [
  {
    key: 'permanence-milestones',
    name: 'Permanence milestones',
    statement: 'Reduce the time from a child becoming accommodated to the review that recommends permanence',
    target: '80% within 30 weeks',
    measureKey: 'accommodated-to-permanence-recommendation',
    leads: ['demo-lead'],
    members: ['demo-member', 'demo-panel'],
  },
  {
    key: 'assessment',
    name: 'Assessment and planning',
    statement: "Hold every child's first looked-after review within two weeks of accommodation",
    target: '95% within 2 weeks',
    measureKey: 'accommodated-to-first-lac-review',
    leads: ['demo-lead-assessment'],
    members: [],
  },
  {
    key: 'legal-processes',
    name: 'Legal processes',
    statement: "Lodge permanence applications in court sooner after the agency decision maker's decision",
    target: '80% within 12 weeks',
    measureKey: 'adm-decision-to-application-lodged',
    leads: ['demo-lead-legal'],
    members: ['demo-reporter', 'demo-panel'],
  },
  {
    key: 'health',
    name: 'Health',
    statement: 'Every accommodated child has a health assessment within four weeks',
    target: '90% of children each month',
    measureKey: 'health-assessment-within-4-weeks',
    leads: ['demo-lead-health'],
    members: [],
  },
  {
    key: 'education',
    name: 'Education',
    statement: 'Every accommodated child has an education plan meeting within six weeks',
    target: '75% of children each month',
    measureKey: 'education-plan-within-6-weeks',
    leads: ['demo-lead-education'],
    members: [],
  },
];

/** The groups as stored; sub-groups meet every three weeks, a week before the champions' meeting. */
export function demoGroups(nextMeetingDate: string, now: Date): DemoGroup[] {
  const targetDate = `${Number(nextMeetingDate.slice(0, 4)) + 1}-03-31`;
  return GROUPS.map((spec) => ({
    key: spec.key,
    name: spec.name,
    aim: { statement: spec.statement, target: spec.target, targetDate, measureKey: spec.measureKey },
    leads: spec.leads,
    coaches: ['demo-coach'],
    members: spec.members,
    subgroupEveryWeeks: 3,
    subgroupAnchor: { date: addDays(nextMeetingDate, -7), time: '14:00' },
    demo: true,
    createdAt: now,
  }));
}
