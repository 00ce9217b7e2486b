import type { WorkspaceStore } from '../../store/workspace-store.js';

type Platform = 'slack' | 'teams' | 'web';

/**
 * The channels linked to the programme on one platform, the champions' channel first, then the aim
 * groups' channels: where the programme's people are, for an adapter that must find a colleague
 * from a conversation that lists only the person writing (a Teams personal chat).
 */
export async function linkedChannelIds(store: Pick<WorkspaceStore, 'programmes' | 'groups'>, platform: Platform): Promise<string[]> {
  const programme = await store.programmes.findOne({}, { projection: { championsChannel: 1 } });
  const groups = await store.groups.find({ 'channel.platform': platform }, { projection: { channel: 1 }, sort: { key: 1 } }).toArray();
  const ids = [
    ...(programme?.championsChannel?.platform === platform ? [programme.championsChannel.conversationId] : []),
    ...groups.flatMap((g) => (g.channel ? [g.channel.conversationId] : [])),
  ];
  return [...new Set(ids)];
}
