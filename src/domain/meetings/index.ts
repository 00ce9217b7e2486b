export { digestTimeFor } from './digest-time.js';
export { meetingOnDay, nextMeeting, occurrenceOn, previousMeeting, upcomingMeetings, type Cadence, type Meeting } from './meeting-schedule.js';
