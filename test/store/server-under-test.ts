/**
 * Whether the suite is running against a real MongoDB (MONGODB_URI set, see test/global-setup.ts)
 * rather than the embedded server. Conformance tests for behaviour the embedded server refuses
 * expect MongoDB's answer from a real server and the embedded server's clear refusal otherwise.
 */
export const againstRealMongoDb = Boolean(process.env.MONGODB_URI);
