import type { DeployedResource } from '../../model/deployedResource';
import { connectorOf, isLogicApp, workflowActions, workflowParameterValue, type WorkflowAction } from '../../model/logicAppWorkflow';
import { isDeployed, knownString } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
import { defineRule, describe } from '../rule';
import { isReservedAddress } from './reservedAddresses';

/** Recipient fields per connector (`body.<field>` of an ApiConnection action). */
const connectorFields: Readonly<Record<string, readonly (readonly string[])[]>> = {
  office365: [['To'], ['Cc'], ['Bcc']],
  outlook: [['To'], ['Cc'], ['Bcc']],
  smtp: [['To'], ['Cc'], ['Bcc']],
  sendgrid: [['to'], ['cc'], ['bcc']],
  twilio: [['to']],
  teams: [['recipient']],
};

const graphRecipientLists = ['toRecipients', 'ccRecipients', 'bccRecipients'];

/** HN102: a Logic App that mails, messages or texts literal recipients. */
export const hn102LogicAppHardcodedRecipients = defineRule('HN102', 'A Logic App action that sends mail, Teams or SMS has literal addresses in its recipient fields.', (context, report) => {
  for (const workflow of context.resources) {
    if (!isLogicApp(workflow) || !isDeployed(workflow)) continue;
    const actions = workflowActions(workflow);
    if (actions === 'unknown') continue;
    for (const action of actions) {
      for (const field of recipientValues(workflow, action)) {
        const value = workflowParameterValue(workflow, field);
        if (value?.kind !== 'string') continue;
        const recipient = literalRecipient(value.value);
        if (!recipient || isReservedAddress(recipient)) continue;
        report({
          at: value,
          resource: workflow,
          message: `action '${action.name}' of ${describe(workflow)} sends to the literal recipient '${recipient}': resolve recipients when the workflow runs (members of a Microsoft Entra group) instead`,
        });
      }
    }
  }
});

/** The recipient field values of a sending action (strings or lists as written). */
function recipientValues(workflow: DeployedResource, action: WorkflowAction): Value[] {
  const inputs = action.inputs;
  if (inputs?.kind !== 'object') return [];
  const type = action.type?.toLowerCase();
  const values: Value[] = [];
  const push = (value: Value | undefined) => {
    if (!value) return;
    if (value.kind === 'array') for (const item of value.items) push(item);
    else values.push(value);
  };
  if (type === 'apiconnection' || type === 'apiconnectionwebhook') {
    const connector = connectorOf(workflow, action);
    const fields = connector ? connectorFields[connector] : undefined;
    if (!fields) return [];
    for (const field of fields) push(valueAt(inputs, ['body', ...field]));
    if (connector === 'sendgrid') {
      const personalizations = valueAt(inputs, ['body', 'personalizations']);
      for (const p of personalizations?.kind === 'array' ? personalizations.items : []) {
        for (const list of ['to', 'cc', 'bcc']) {
          const entries = valueAt(p, [list]);
          for (const entry of entries?.kind === 'array' ? entries.items : []) push(entry.kind === 'object' ? valueAt(entry, ['email']) : entry);
        }
      }
    }
  } else if (type === 'http' && isGraphSendMail(knownString(valueAt(inputs, ['uri'])))) {
    for (const list of graphRecipientLists) {
      const entries = valueAt(inputs, ['body', 'message', list]);
      if (entries?.kind !== 'array') {
        push(entries);
        continue;
      }
      for (const entry of entries.items) push(entry.kind === 'object' ? valueAt(entry, ['emailAddress', 'address']) : entry);
    }
  }
  return values;
}

function isGraphSendMail(uri: string | undefined): boolean {
  return uri !== undefined && /^https:\/\/graph\.microsoft\.(com|us)\/[^?]*\/sendMail\b/i.test(uri);
}

// Bounded as RFC 5321 bounds addresses (64-character local part, 63-character labels): unbounded, a
// long run of name characters made every start position scan to its end (quadratic; found by fuzzing).
const emailPattern = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,63}/;
const phonePattern = /\+[1-9]\d{7,14}\b/;

/** An e-mail address or E.164 number written outside workflow expressions, or undefined. */
export function literalRecipient(text: string): string | undefined {
  const trimmed = text.trim();
  // `@...` is an expression (`@@` escapes a literal `@`); `@{...}` holes are expressions inside text.
  if (trimmed.startsWith('@') && !trimmed.startsWith('@@') && !trimmed.startsWith('@{')) return undefined;
  const literal = withoutHoles(trimmed.startsWith('@@') ? trimmed.slice(1) : trimmed);
  return (literal.includes('@') ? emailPattern.exec(literal)?.[0] : undefined) ?? phonePattern.exec(literal)?.[0];
}

function withoutHoles(text: string): string {
  let result = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (depth === 0 && text[i] === '@' && text[i + 1] === '{') {
      depth = 1;
      i++;
      result += ' ';
      continue;
    }
    if (depth > 0) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
      continue;
    }
    result += text[i];
  }
  return result;
}
