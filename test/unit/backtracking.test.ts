import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { literalRecipient } from '../../server/src/rules/template/hn102LogicAppHardcodedRecipients';
import { valueOf } from './model/evaluateHelper';

// Regular expressions that run on template text must not backtrack over it: a pattern like
// /[a-z]+@/ or /\d+\.?\d*$/ tries every split of a long run, quadratic in its length. Each input
// below runs in a child process with a 60 s limit (a hang detector: they take milliseconds, the
// quadratic patterns they replace took minutes to hours).
const hostile: [string, string][] = [
  ['an e-mail pattern over 300,000 name characters (HN102 recipients; found by fuzzing)', `literalRecipient('x'.repeat(300000) + '@')`],
  ['float() over 300,000 digits and a letter', `valueOf("float('" + '1'.repeat(300000) + "x')")`],
  ['a policy recipient with 300,000 digits in its local part (HN502 trailing digits)', `looksPersonal('a' + '1'.repeat(300000) + 'x@contoso.com')`],
];

for (const [name, call] of hostile) {
  test(`no backtracking blow-up: ${name}`, () => {
    const script = `const { literalRecipient } = require(${JSON.stringify(require.resolve('../../server/src/rules/template/hn102LogicAppHardcodedRecipients'))});
      const { valueOf } = require(${JSON.stringify(require.resolve('./model/evaluateHelper'))});
      const { looksPersonal } = require(${JSON.stringify(require.resolve('../../server/src/rules/policy/personalMailbox'))});
      ${call};`;
    execFileSync(process.execPath, ['-e', script], { stdio: 'pipe', timeout: 60_000 });
  });
}

test('the bounded patterns still find what they found', () => {
  assert.equal(literalRecipient('oncall@contoso.com'), 'oncall@contoso.com');
  assert.equal(literalRecipient('Maria <maria.gonzalez@claims.contoso-health.co.uk>'), 'maria.gonzalez@claims.contoso-health.co.uk');
  assert.equal(literalRecipient('@@team@contoso.com'), 'team@contoso.com');
  assert.equal(literalRecipient('+14155550100'), '+14155550100');
  assert.equal(literalRecipient('not an address @ all'), undefined);
  assert.equal(valueOf("float('1.')"), 1);
  assert.equal(valueOf("float(' -2.50 ')"), -2.5);
  assert.equal(valueOf("float('.5')"), 0.5);
});
