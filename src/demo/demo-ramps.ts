import type { ActDecision } from '../store/schemas/pdsa.js';

/** One cycle of a demo ramp. `weeksAgo` is when it was carried out (the Do date), counted back from today. */
export interface CycleSpec {
  weeksAgo: number;
  title: string;
  objective: string;
  prediction: string;
  who?: string;
  dataToCollect?: string;
  /** Absent: only planned so far. */
  happened?: string;
  problems?: string;
  /** Absent: carried out, not yet studied. */
  results?: string;
  learned?: string;
  /** Absent: studied, not yet decided. */
  decision?: ActDecision;
  next?: string;
}

export interface RampSpec {
  groupKey: string;
  /** A key of the published change-idea library, or a group's own idea in words. */
  idea: { key: string } | { own: string };
  ownerId: string;
  linkedMeasures: string[];
  cycles: CycleSpec[];
}

/**
 * Glenmoray's tests of change. The first cycle of each ramp that is linked to a measure is when the
 * demo cases start to improve (generate-cases.ts reads the dates from here), so the charts' shifts
 * line up with the annotations.
 */
export const DEMO_RAMPS: RampSpec[] = [
  {
    groupKey: 'permanence-milestones',
    idea: { key: 'key-dates-tracker' },
    ownerId: 'demo-lead',
    linkedMeasures: ['accommodated-to-permanence-recommendation'],
    cycles: [
      {
        weeksAgo: 44,
        title: 'Key-dates tracker with the North team',
        objective: 'See whether a shared tracker of key dates helps one team plan towards the permanence review.',
        prediction: 'Workers will know the next milestone for at least 8 of their 10 children.',
        who: 'North team social workers and their team manager',
        dataToCollect: 'For each child: next milestone known (yes/no); date of the permanence review.',
        happened: 'Tracker set up as a shared spreadsheet for 10 children; reviewed at two team meetings.',
        problems: 'Two workers kept their own lists as well, so dates drifted apart.',
        results: 'Next milestone known for 7 of 10 (predicted 8). Two reviews were brought forward.',
        learned: 'The tracker works when it is the only list and the team manager opens it at each meeting.',
        decision: 'adapt',
        next: 'Run it with both east teams, one list per team, opened at every team meeting.',
      },
      {
        weeksAgo: 38,
        title: 'Key-dates tracker in both east teams',
        objective: 'Test the tracker at a larger scale, as the only list, opened at each team meeting.',
        prediction: 'Next milestone known for 90% of children; no reviews missed.',
        happened: 'Both east teams used the tracker for 26 children over six weeks.',
        results: 'Next milestone known for 24 of 26 (92%). One review slipped because of a court date.',
        learned: 'Adding court dates to the tracker would have caught the clash.',
        decision: 'adapt',
        next: 'Add court dates; roll out to all four teams.',
      },
      {
        weeksAgo: 31,
        title: 'Key-dates tracker across all four teams',
        objective: 'Make the tracker, with court dates, the standard for every child accommodated.',
        prediction: 'Time from accommodation to permanence recommendation falls below 30 weeks for new children.',
        happened: 'All four teams switched to the tracker; data support checks it monthly.',
        results: 'Every child accommodated since has a next milestone and date; the run chart shows a shift.',
        learned: 'Monthly checks by data support keep it accurate without extra meetings.',
        decision: 'adopt',
        next: 'Part of practice guidance from next quarter.',
      },
    ],
  },
  {
    groupKey: 'permanence-milestones',
    idea: { key: 'journey-timeline' },
    ownerId: 'demo-member',
    linkedMeasures: ['accommodated-to-permanence-recommendation'],
    cycles: [
      {
        weeksAgo: 24,
        title: "Child's journey timeline at two LAC reviews",
        objective: "Find out whether a one-page timeline of the child's journey helps the review decide.",
        prediction: 'Both reviews will reach a clear decision on the plan without adjourning.',
        happened: 'Timeline drawn for two children and shared with the chair a week before.',
        results: 'One review decided; the other adjourned for a parenting assessment.',
        learned: 'The timeline made the delay visible; the chair asked for it at every permanence review.',
        decision: 'adapt',
        next: 'Use it for every permanence-planning review in the team.',
      },
      {
        weeksAgo: 17,
        title: 'Timeline at every permanence-planning review',
        objective: 'Use the timeline at every permanence-planning review for a month.',
        prediction: 'Fewer than one review in five adjourns.',
        happened: 'Timelines prepared for 7 reviews.',
        results: 'One of seven adjourned (14%).',
        learned: 'Takes 30 minutes to prepare; the tracker supplies most dates.',
        decision: 'adopt',
        next: 'Template added to the review paperwork.',
      },
    ],
  },
  {
    groupKey: 'permanence-milestones',
    idea: { key: 'drift-alert-at-team-meeting' },
    ownerId: 'demo-member',
    linkedMeasures: ['accommodated-to-permanence-recommendation'],
    cycles: [
      {
        weeksAgo: 3,
        title: 'Drift check at the West team meeting',
        objective: 'See whether a five-minute drift check at the team meeting catches children waiting too long.',
        prediction: 'At least two children waiting over 26 weeks will get a review date.',
        happened: 'Drift check held at two team meetings using the waiting chart.',
        problems: 'The first meeting ran out of time before the check.',
      },
    ],
  },
  {
    groupKey: 'permanence-milestones',
    idea: { key: 'panel-date-at-recommendation' },
    ownerId: 'demo-lead',
    linkedMeasures: ['permanence-recommendation-to-panel'],
    cycles: [
      {
        weeksAgo: -1,
        title: 'Book the panel date at the recommending review',
        objective: 'Test booking the panel date in the same week as the permanence recommendation.',
        prediction: 'Panel dates for the next three recommendations are booked within five working days.',
        who: 'Review chairs and the panel adviser',
      },
    ],
  },
  {
    groupKey: 'assessment',
    idea: { key: 'first-review-two-weeks' },
    ownerId: 'demo-lead-assessment',
    linkedMeasures: ['accommodated-to-first-lac-review'],
    cycles: [
      {
        weeksAgo: 64,
        title: 'Book the first review on the day of accommodation (one team)',
        objective: 'See whether booking the first review on day one brings it within two weeks.',
        prediction: 'Four of the next five children have their first review within 14 days.',
        happened: 'Five children accommodated; reviews booked the same day by the duty senior.',
        problems: 'Chairs had no free slots in week two for two of them.',
        results: 'Three of five within 14 days (predicted four).',
        learned: 'Booking works; chairs need slots held for first reviews.',
        decision: 'adapt',
        next: 'Hold two first-review slots a week in the chairs’ diaries.',
      },
      {
        weeksAgo: 59,
        title: 'Held first-review slots in chairs’ diaries',
        objective: 'Test held slots so a first review can always be booked within two weeks.',
        prediction: 'Every child accommodated this month has a first review within 14 days.',
        happened: 'Two slots a week held; 9 children accommodated.',
        results: '8 of 9 within 14 days; one parent asked to move the date.',
        learned: 'Held slots work; invitations must go out the same day.',
        decision: 'adapt',
        next: 'Add same-day invitations and roll out to all teams.',
      },
      {
        weeksAgo: 54,
        title: 'First review within two weeks, all teams',
        objective: 'Spread day-one booking, held slots and same-day invitations to all teams.',
        prediction: '90% of first reviews within 14 days.',
        happened: 'All teams used the process for two months.',
        results: '19 of 20 within 14 days (95%).',
        learned: 'Now routine; the run chart shows a sustained shift.',
        decision: 'adopt',
        next: 'Written into the accommodation checklist.',
      },
    ],
  },
  {
    groupKey: 'assessment',
    idea: { key: 'agenda-72-hour-meeting' },
    ownerId: 'demo-lead-assessment',
    linkedMeasures: [],
    cycles: [
      {
        weeksAgo: 40,
        title: 'Set agenda at two 72-hour planning meetings',
        objective: 'Try a set agenda that includes a plan B from day one.',
        prediction: 'Both meetings record a parallel plan.',
        happened: 'Agenda used at two meetings chaired by the same senior.',
        results: 'Both recorded a parallel plan; one meeting overran by 20 minutes.',
        learned: 'The family-time item needs a time limit.',
        decision: 'adapt',
        next: 'Time-limit each item and try with other chairs.',
      },
      {
        weeksAgo: 35,
        title: 'Timed agenda with every chair',
        objective: 'Use the timed agenda at every 72-hour meeting for a month.',
        prediction: 'Nine in ten meetings record a parallel plan and finish on time.',
        happened: 'Used at 11 meetings.',
        results: '10 of 11 recorded a parallel plan; all finished within the hour.',
        learned: 'Chairs prefer it; parents said they knew what would happen.',
        decision: 'adopt',
        next: 'Agenda adopted for all 72-hour meetings.',
      },
    ],
  },
  {
    groupKey: 'assessment',
    idea: { own: 'Text reminder to parents before the first review' },
    ownerId: 'demo-lead-assessment',
    linkedMeasures: [],
    cycles: [
      {
        weeksAgo: 22,
        title: 'Text reminders to parents',
        objective: 'See whether a text reminder two days before raises parents’ attendance at first reviews.',
        prediction: 'Attendance rises from about half to three in four.',
        happened: 'Reminders sent for 8 reviews.',
        problems: 'Three parents had changed numbers.',
        results: 'Attendance 4 of 8 — no change.',
        learned: 'Parents who missed reviews needed transport, not reminders.',
        decision: 'abandon',
        next: 'Try offering transport instead.',
      },
    ],
  },
  {
    groupKey: 'legal-processes',
    idea: { key: 'court-report-template' },
    ownerId: 'demo-lead-legal',
    linkedMeasures: ['adm-decision-to-application-lodged'],
    cycles: [
      {
        weeksAgo: 39,
        title: 'Court report template for two applications',
        objective: 'Test a template agreed with legal services so drafting starts the day after the ADM decision.',
        prediction: 'Both applications lodged within 10 weeks of the ADM decision.',
        happened: 'Template used for two applications.',
        results: 'Lodged at 8 and 13 weeks; the second waited for a psychologist’s report.',
        learned: 'Commission expert reports before the ADM decision.',
        decision: 'adapt',
        next: 'Add expert-report commissioning to the pre-ADM checklist and use the template for all.',
      },
      {
        weeksAgo: 33,
        title: 'Template and early expert reports for all applications',
        objective: 'Use the template for every application, with expert reports commissioned early.',
        prediction: 'Median time from ADM decision to lodging under 10 weeks.',
        happened: 'Six applications drafted with the template.',
        results: 'Median 7 weeks; five of six within 10 weeks.',
        learned: 'Sheriff clerks noticed fewer incomplete applications.',
        decision: 'adopt',
        next: 'Template is now the standard; review it with the sheriff court in six months.',
      },
    ],
  },
  {
    groupKey: 'legal-processes',
    idea: { own: 'New template for reports to the Children’s Hearing' },
    ownerId: 'demo-reporter',
    linkedMeasures: ['hearing-reports-new-template'],
    cycles: [
      {
        weeksAgo: 30,
        title: 'Hearing report template with two teams',
        objective: 'See whether a shorter report template reaches the Reporter on time and complete.',
        prediction: 'Most reports from the two teams use the template and arrive on time.',
        happened: 'Template offered to two teams for a month.',
        results: 'Used for 9 of 15 reports; all 9 on time.',
        learned: 'Workers needed the template in the case system, not by e-mail.',
        decision: 'adapt',
        next: 'Load the template into the case system for all teams.',
      },
      {
        weeksAgo: 25,
        title: 'Hearing report template in the case system',
        objective: 'Make the template the default in the case system.',
        prediction: 'Three in four reports use the template within two months.',
        happened: 'Template live in the case system for all teams.',
        results: 'Use rose to about 80% in the second month.',
        learned: 'Panel members find the summary section most useful.',
        decision: 'adopt',
        next: 'Track use monthly as a custom measure.',
      },
    ],
  },
  {
    groupKey: 'health',
    idea: { own: 'Book the health assessment at the 72-hour meeting' },
    ownerId: 'demo-lead-health',
    linkedMeasures: ['health-assessment-within-4-weeks'],
    cycles: [
      {
        weeksAgo: 42,
        title: 'Health assessment booked at the 72-hour meeting',
        objective: 'Test booking the health assessment during the 72-hour planning meeting.',
        prediction: 'Four in five children seen within four weeks.',
        happened: 'LAC nurse joined 72-hour meetings by phone for a month.',
        problems: 'The nurse could not join two meetings held at short notice.',
        results: '7 of 10 seen within four weeks (predicted 8).',
        learned: 'A booking link in the invitation works when the nurse cannot join.',
        decision: 'adapt',
        next: 'Add the booking link to every 72-hour meeting invitation.',
      },
      {
        weeksAgo: 36,
        title: 'Booking link in every 72-hour invitation',
        objective: 'Use a booking link so every child gets an appointment at the meeting.',
        prediction: 'Nine in ten seen within four weeks.',
        happened: 'Link added to the invitation template.',
        results: '17 of 19 within four weeks.',
        learned: 'Carers like choosing the slot themselves.',
        decision: 'adopt',
        next: 'Keep the link; report monthly.',
      },
    ],
  },
  {
    groupKey: 'education',
    idea: { own: 'Invite the designated teacher to the first LAC review' },
    ownerId: 'demo-lead-education',
    linkedMeasures: ['education-plan-within-6-weeks'],
    cycles: [
      {
        weeksAgo: 28,
        title: 'Designated teacher at the first review (two schools)',
        objective: 'See whether inviting the designated teacher brings the education plan meeting forward.',
        prediction: 'Education plan meetings within six weeks for children at the two schools.',
        happened: 'Designated teachers invited for 6 children.',
        results: '5 of 6 had an education plan meeting within six weeks.',
        learned: 'Teachers need the invitation two weeks ahead.',
        decision: 'adapt',
        next: 'Invite designated teachers in every school, two weeks ahead.',
      },
      {
        weeksAgo: 22,
        title: 'Designated teacher invited in every school',
        objective: 'Invite the designated teacher to every first review, two weeks ahead.',
        prediction: 'Three in four education plan meetings within six weeks.',
        happened: 'Invitations sent for all first reviews for six weeks.',
        results: 'About 70% within six weeks, up from about 45%.',
        learned: 'Secondary schools are slower; a named contact helps.',
        decision: 'adopt',
        next: 'Keep inviting; ask secondaries for a named contact.',
      },
    ],
  },
];
