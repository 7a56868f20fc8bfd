import { isLogicApp, workflowTriggers } from '../../model/logicAppWorkflow';
import { isDeployed } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { logicAppTimeZone } from '../../model/windowsTimeZones';
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
      const schedule = valueAt(recurrence, ['schedule']);
      const startTime = valueAt(recurrence, ['startTime']);
      const scheduled = schedule?.kind === 'object' && scheduleKeys.some((key) => valueAt(schedule, [key]) !== undefined);
      const starts = startTime !== undefined && startTime.kind !== 'null' && !(startTime.kind === 'string' && startTime.value === '');
      if (!scheduled && !starts) continue;
      const timeZone = valueAt(recurrence, ['timeZone']);
      if (timeZone && timeZone.kind !== 'null' && !(timeZone.kind === 'string' && timeZone.value.trim() === '')) continue;
      report({
        at: recurrence,
        resource: workflow,
        message: `trigger '${trigger.name}' of ${describe(workflow)} runs on a ${scheduled ? 'schedule' : 'start time'} without a time zone, so it fires in UTC and deadlines kept in local time drift by hours: add timeZone: '${zone}'`,
      });
    }
  }
});
