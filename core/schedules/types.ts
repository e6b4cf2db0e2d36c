// Schedules: cron triggers. Each due time becomes one synthetic event (`type: 'schedule'`, id
// `schedule:<name>:<fire time ISO>`, so a second scheduler or a restart cannot fire it twice) that runs
// the schedule's function or flow. After downtime the missed fire times are coalesced into one run.

export interface ScheduleTarget {
  kind: 'function' | 'flow';
  name: string;
}

export interface ScheduleRecord {
  name: string;
  cron: string;
  target: ScheduleTarget;
  createdAt: string;
  lastFiredAt: string | null;
}

export interface ScheduleStore {
  /** Creates or replaces the schedule; a replaced one keeps its last fire time. */
  set(input: { name: string; cron: string; target: ScheduleTarget; at: number }): ScheduleRecord;
  remove(name: string): boolean;
  get(name: string): ScheduleRecord | undefined;
  list(): ScheduleRecord[];
  markFired(input: { name: string; at: number }): void;
  /** For a store several nodes share: true while this process is the one that fires schedules (an election
   *  that passes to another node when this one dies). Absent: this process always fires. The fire event's
   *  deterministic id keeps a fire time to one event even without it. */
  tryLead?(): boolean;
}
