import { isLogicApp, workflowParameterValue, workflowTriggers } from '../../model/logicAppWorkflow';
import { isDeployed } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
import { logicAppTimeZone } from '../../model/windowsTimeZones';
import { fix, replaceValue, setProperty } from '../fixIntent';
import { defineRule, describe } from '../rule';

const scheduleKeys = ['hours', 'minutes', 'weekDays', 'monthDays'];

/** HN205: a schedule without a time zone runs in UTC and drifts from local deadlines. */
export const hn205RecurrenceWithoutTimezone = defineRule('HN205', 'A Logic App recurrence with a schedule or start time names no time zone.', (context, report) => {
  const zone = logicAppTimeZone(context.defaultTimeZone);
  for (const workflow of context.resources) {
    if (!isLogicApp(workflow) || !isDeployed(workflow)) continue;
    const triggers = workflowTriggers(workflow);
    if (triggers === 'unknown') continue;
    for (const trigger of triggers) {
      const recurrence = trigger.recurrence;
      if (recurrence?.kind !== 'object') continue;
      const read = (key: string) => {
        const setting = valueAt(recurrence, [key]);
        return setting && workflowParameterValue(workflow, setting);
      };
      const scheduled = hasSchedule(read('schedule'));
      const starts = isGiven(read('startTime'));
      if (scheduled !== true && starts !== true) continue;
      const written = valueAt(recurrence, ['timeZone']);
      const timeZone = written && workflowParameterValue(workflow, written);
      // A workflow parameter without a value is unknown, not absent.
      if ((written && !timeZone) || isGiven(timeZone) !== false) continue;
      report({
        at: recurrence,
        resource: workflow,
        // An empty zone is fixed where it is written (a parameter default or value), a missing one in the recurrence.
        fixes: [timeZone ? fix(`Set timeZone to '${zone}'`, replaceValue(timeZone.origin, zone)) : fix(`Add timeZone '${zone}'`, setProperty(recurrence.origin, ['timeZone'], zone))],
        message: `trigger '${trigger.name}' of ${describe(workflow)} runs on a ${scheduled === true ? 'schedule' : 'start time'} without a time zone, so it fires in UTC and deadlines kept in local time drift by hours: add timeZone: '${zone}'`,
      });
    }
  }
}, { fix: "adds timeZone to the recurrence, or fills in the empty zone where it is written: the Windows ID of hipaa-notify.json's timeZone, else 'UTC'" });

/** Whether a string setting is given: absent, null and blank are not; 'unknown' when not known. */
function isGiven(value: Value | undefined): boolean | 'unknown' {
  if (!value || value.kind === 'null') return false;
  if (value.kind === 'unknown') return 'unknown';
  return !(value.kind === 'string' && value.value.trim() === '');
}

/** Whether `schedule` sets hours, minutes or days (an empty list sets nothing); 'unknown' when not known. */
function hasSchedule(schedule: Value | undefined): boolean | 'unknown' {
  if (!schedule || schedule.kind === 'null') return false;
  if (schedule.kind === 'unknown') return 'unknown';
  if (schedule.kind !== 'object') return false;
  let unknown = false;
  for (const key of scheduleKeys) {
    const entry = valueAt(schedule, [key]);
    if (entry?.kind === 'unknown') unknown = true;
    else if (entry?.kind === 'array' ? entry.items.length > 0 : entry?.kind === 'number' || entry?.kind === 'string') return true;
  }
  return unknown ? 'unknown' : false;
}
