import { isLogicApp, workflowParameterValue, workflowTriggers } from '../../model/logicAppWorkflow';
import { isDeployed } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { windowsZoneFor, windowsZoneId, windowsZoneIds } from '../../model/windowsTimeZones';
import { fix, fixToReview, replaceValue } from '../fixIntent';
import { closestName } from '../policy/didYouMean';
import { defineRule, describe } from '../rule';

/** HN206: Logic Apps reject IANA names, abbreviations and offsets; only Windows IDs are accepted. */
export const hn206InvalidTimezone = defineRule('HN206', 'A Logic App recurrence timeZone is not a Windows time zone ID.', (context, report) => {
  for (const workflow of context.resources) {
    if (!isLogicApp(workflow) || !isDeployed(workflow)) continue;
    const triggers = workflowTriggers(workflow);
    if (triggers === 'unknown') continue;
    for (const trigger of triggers) {
      const written = trigger.recurrence?.kind === 'object' ? valueAt(trigger.recurrence, ['timeZone']) : undefined;
      const timeZone = written && workflowParameterValue(workflow, written);
      if (timeZone?.kind !== 'string' || timeZone.value.trim() === '' || timeZone.value.trim().startsWith('@')) continue;
      const zone = timeZone.value;
      const exact = windowsZoneId(zone);
      if (exact === zone) continue;
      const mapped = exact ?? windowsZoneFor(zone);
      const nearMiss = mapped ? undefined : closestName(zone.trim(), windowsZoneIds);
      const suggestion = mapped ?? nearMiss;
      const why = exact
        ? `differs from the Windows time zone ID '${exact}' in ${exact === zone.trim() ? 'the spaces around it' : 'letter case'}`
        : /\//.test(zone)
          ? 'is an IANA name'
          : 'is not a Windows time zone ID';
      report({
        at: timeZone,
        resource: workflow,
        fixes: mapped ? [fix(`Use '${mapped}'`, replaceValue(timeZone.origin, mapped))] : nearMiss ? [fixToReview(`Did you mean '${nearMiss}'?`, replaceValue(timeZone.origin, nearMiss))] : [],
        message: `time zone '${zone}' of trigger '${trigger.name}' in ${describe(workflow)} ${why}, and Logic Apps accept only Windows IDs: ${suggestion ? `use '${suggestion}'` : "use a Windows time zone ID such as 'Eastern Standard Time' or 'UTC'"}`,
      });
    }
  }
}, { fix: "writes the Windows ID for an IANA name, abbreviation or other letter case (CLDR windowsZones), and offers the closest Windows ID for a near miss as a did-you-mean that fix-all and check --fix never apply" });
