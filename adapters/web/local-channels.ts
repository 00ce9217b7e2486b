import type { Db } from 'mongodb';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { ValidationError } from '../../src/errors.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { possessive } from '../../src/conversation/replies.js';

/** The local chat's channels: the champions' channel and one per aim group, named like Slack's. */
export const CHAMPIONS_CHANNEL_ID = 'web-champions';
export const groupChannelId = (key: string) => `web-group-${key}`;

export interface LocalChannel {
  id: string;
  name: string;
  /** What it is linked as, if anything: where the digest or a group's prompts go. */
  linkedAs?: string;
}

/**
 * The channels there are: always the champions' channel; one per aim group. Each says whether the
 * bot already posts there (after `champions channel` or `group <g> link` typed in it).
 */
export async function localChannels(db: Db): Promise<LocalChannel[]> {
  const store = workspaceStore(db, LOCAL_WORKSPACE_ID);
  const [programme, groups] = await Promise.all([
    store.programmes.findOne({}, { projection: { championsChannel: 1 } }),
    store.groups.find({ archived: { $ne: true } }, { projection: { key: 1, name: 1, channel: 1 } }).sort({ name: 1 }).toArray(),
  ]);
  const champions = programme?.championsChannel?.conversationId === CHAMPIONS_CHANNEL_ID;
  return [
    { id: CHAMPIONS_CHANNEL_ID, name: 'champions', ...(champions ? { linkedAs: "champions' channel: the digest goes here" } : {}) },
    ...groups.map((g) => ({
      id: groupChannelId(g.key),
      name: g.key,
      ...(g.channel?.conversationId === groupChannelId(g.key) ? { linkedAs: `${g.name}${possessive(g.name)} channel: prompts go here` } : {}),
    })),
  ];
}

/** A channel id from a request, checked against the channels there are. */
export async function localChannel(db: Db, id: unknown): Promise<LocalChannel> {
  const found = (await localChannels(db)).find((c) => c.id === id);
  if (!found) throw new ValidationError('bad_channel', 'where: there is no such channel. Choose one under “Where”.', { field: 'where' });
  return found;
}
