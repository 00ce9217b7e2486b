// Replaced by the embedded-server work: starts one embedded MongoDB-compatible server for the run.
export default async function setup(): Promise<void> {}
