import { workflowParameterValue } from '../../model/logicAppWorkflow';
import { notifierActions } from '../../model/notificationComponents';
import { knownString } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { fix as fixOf, replaceValue, setProperty } from '../fixIntent';
import { defineRule, describe } from '../rule';

const retriedTypes = ['http', 'apiconnection', 'function'];
const minimumRetries = 3;

/** HN201: a notification must survive a transient outage of the endpoint it calls. */
export const hn201LogicAppRetryDisabled = defineRule('HN201', 'An HTTP, ApiConnection or Function action of a notification Logic App retries fewer than 3 times or not at all.', (context, report) => {
  for (const { workflow, action } of notifierActions(context.resources)) {
    if (!retriedTypes.includes(action.type?.toLowerCase() ?? '') || action.retryPolicy?.kind !== 'object') continue;
    const policy = action.retryPolicy;
    const setting = (key: string) => {
      const written = valueAt(policy, [key]);
      return written && workflowParameterValue(workflow, written);
    };
    const type = setting('type');
    const kind = knownString(type)?.toLowerCase();
    const fix = "use type 'exponential' with count 4 and interval 'PT10S'";
    if (kind === 'none') {
      report({ at: type!, resource: workflow, fixes: [fixOf("Retry exponentially: count 4, interval 'PT10S'", setProperty(policy.origin, [], { type: 'exponential', count: 4, interval: 'PT10S' }))], message: `action '${action.name}' of ${describe(workflow)} never retries (retryPolicy type 'none'), so one transient failure drops the notification: ${fix}` });
    } else if (kind === 'fixed' || kind === 'exponential') {
      const count = setting('count');
      if (count?.kind === 'number' && count.value < minimumRetries) {
        report({ at: count, resource: workflow, fixes: [fixOf('Set count to 4', replaceValue(count.origin, 4))], message: `action '${action.name}' of ${describe(workflow)} retries only ${count.value} time${count.value === 1 ? '' : 's'}: ${fix}` });
      }
    }
  }
}, { fix: "a policy of type 'none' becomes type 'exponential', count 4, interval 'PT10S' (in the retryPolicy object as written); a count below 3 becomes 4 where it is written" });
