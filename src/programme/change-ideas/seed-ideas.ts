/** The programme's published change ideas, written for pacebot. Keys are stable: cycles refer to them. */
export const SEED_IDEAS: { key: string; aim: string; title: string; description: string }[] = [
  {
    key: 'cso-two-year-review',
    aim: 'aim-1',
    title: 'Review every child at home on a CSO for two years',
    description:
      'Each month, list the children who have been at home on a compulsory supervision order for two years or more, and book a review of each plan with the team manager.',
  },
  {
    key: 'cso-review-questions',
    aim: 'aim-1',
    title: 'Standard questions for a CSO-at-home review',
    description:
      'A one-page set of questions (is the order still needed, is the plan working, what would a secure future at home look like) so every long-standing order is looked at the same way.',
  },
  {
    key: 'reporter-order-list',
    aim: 'aim-1',
    title: 'Share long-standing orders with the Reporter',
    description:
      "Agree with the Children's Reporter a regular list of home supervision orders over two years, so hearings can consider whether each should continue or end.",
  },
  {
    key: 'agenda-72-hour-meeting',
    aim: 'aim-2',
    title: 'Set agenda for the 72-hour planning meeting',
    description:
      'The same agenda at every 72-hour planning meeting: why the child is accommodated, family time, what must change for a return home, and a plan B from day one.',
  },
  {
    key: 'first-review-two-weeks',
    aim: 'aim-2',
    title: 'First looked-after review two weeks after accommodation',
    description:
      'Book the first looked-after review on the day the child is accommodated, for a date within two weeks, and send invitations straight away.',
  },
  {
    key: 'legal-advice-before-recommendation',
    aim: 'aim-2',
    title: 'Legal advice before the permanence recommendation',
    description:
      'Ask legal services for advice on the permanence plan before the review that will recommend permanence, so the review has everything it needs to decide.',
  },
  {
    key: 'parallel-plan-at-first-review',
    aim: 'aim-2',
    title: 'Record a parallel plan at the first review',
    description:
      'At the first looked-after review, write down the alternative plan if a return home is not possible, with the date it will be revisited.',
  },
  {
    key: 'panel-date-at-recommendation',
    aim: 'aim-3',
    title: 'Book the panel date when permanence is recommended',
    description:
      'When a review recommends permanence, the chair or worker books the panel date that week, so the report is written towards a fixed date.',
  },
  {
    key: 'panel-report-template',
    aim: 'aim-3',
    title: 'Shared template for the panel report',
    description:
      'One template with guidance notes for the permanence report to panel, so papers arrive complete and are not sent back.',
  },
  {
    key: 'pre-adm-checklist',
    aim: 'aim-3',
    title: 'Pre-ADM checklist',
    description:
      "A checklist of the papers and minutes the agency decision maker needs, checked before the case goes to them, so decisions aren't deferred.",
  },
  {
    key: 'court-report-template',
    aim: 'aim-4',
    title: 'Court report template agreed with legal services',
    description:
      'A template for the report that supports the court application, agreed with legal services, so drafting starts straight after the ADM decision.',
  },
  {
    key: 'adm-to-lodging-tracking-meeting',
    aim: 'aim-4',
    title: 'Tracking meeting between ADM decision and lodging',
    description:
      'Social work and legal services meet every two weeks to go through each child between the ADM decision and lodging the application, and agree the next step and who does it.',
  },
  {
    key: 'key-dates-tracker',
    aim: 'all',
    title: 'Tracker of key dates',
    description:
      "A shared tracker of each child's milestone dates, looked at in team meetings so delay is spotted while it can still be fixed.",
  },
  {
    key: 'journey-timeline',
    aim: 'all',
    title: "Timeline of the child's journey",
    description:
      "A one-page timeline of the child's journey since first involvement, brought to every decision-making meeting (reviews, panel, hearings).",
  },
  {
    key: 'drift-alert-at-team-meeting',
    aim: 'all',
    title: 'Drift check at the team meeting',
    description:
      'A standing item at the team meeting on the children waiting longest at their current stage, with one action agreed for each.',
  },
];
