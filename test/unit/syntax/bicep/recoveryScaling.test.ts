import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BicepParser } from '../../../../server/src/syntax/bicep/declarations';
import { lex, type TokenStream } from '../../../../server/src/syntax/bicep/lexer';

/**
 * Work, not time: the parser reads tokens only through the token arrays, so counting the reads of
 * those arrays measures how much it scans. Linear parsing reads about 4 times as much for 4 times
 * the input; a recovery that scans back along the line, or re-reads the rest of the file per
 * error, reads about 16 times as much.
 */
function tokenReads(text: string): number {
  const tokens = lex(text);
  let reads = 0;
  const counting = <T extends Uint8Array | Int32Array>(array: T): T =>
    new Proxy(array, {
      get(target, key) {
        if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) reads++;
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const counted: TokenStream = { ...tokens, kinds: counting(tokens.kinds), starts: counting(tokens.starts), ends: counting(tokens.ends), info: counting(tokens.info) };
  const parser = new BicepParser(text, counted, false);
  parser.program();
  return reads;
}

/** Broken inputs that make the parser recover over and over, each as a function of its size n. */
const pathological: [string, (n: number) => string][] = [
  ['unclosed [concat( on one line', (n) => 'var x = ' + '[concat('.repeat(n)],
  ['stray )] after a value', (n) => 'var x = 1' + ')]'.repeat(n)],
  // the fuzzer's case: the stray closers sit on one long line inside an object type opened lines above
  ['[concat( ... )] in an object type', (n) => 'type t = {\n  a: string\n  b: fooTy' + '[concat('.repeat(n) + ')]'.repeat(n) + '\n}\n'],
  ['[concat( ... )] in a resource body', (n) => "resource r 'a@b' = {\n  properties: {\n    a: " + '[concat('.repeat(n) + ')]'.repeat(n + 3) + '\n  }\n}\n'],
  ['stray closers in an object', (n) => 'var x = {\n a: 1\n' + ')]}'.repeat(n) + '\n}\n'],
  ['stray closers on every line of an object', (n) => 'var x = {\n' + ' a: 1 ])\n'.repeat(n) + '}\n'],
  ['unclosed strings', (n) => "var x = 'abc\n".repeat(n)],
  ['unclosed interpolations', (n) => "var x = '" + "${'".repeat(n)],
  ['unclosed interpolations on every line', (n) => "var x = '${a\n".repeat(n)],
  ['unterminated multi-line string', (n) => "var x = '''" + 'a\n'.repeat(n)],
  ['unclosed objects', (n) => 'var x = ' + '{\n a: '.repeat(n)],
  ['unclosed arrays', (n) => 'var x = ' + '[\n'.repeat(n)],
  ['unclosed calls', (n) => 'var x = ' + 'f(\n'.repeat(n)],
  ['unclosed decorators', (n) => "@description('a'\n".repeat(n) + 'param p string\n'],
  ['declarations 100 deep, unclosed', (n) => ('var x = ' + '[concat('.repeat(100) + '\n').repeat(Math.ceil(n / 100))],
  ['unclosed resource bodies', (n) => "resource a 'b@c' = {\n".repeat(n)],
  ['unclosed nested resources', (n) => "resource a 'b@c' = {\n" + "  resource b 'c' = {\n".repeat(n)],
  ['declarations inside an object', (n) => 'var x = {\n' + '  var y = {\n'.repeat(n)],
  ['unclosed loops', (n) => 'var x = ' + '[for x in y: '.repeat(n)],
  ['unclosed type arguments', (n) => 'type t = a' + '<a'.repeat(n)],
  ['empty call arguments', (n) => 'var x = f(' + ','.repeat(n) + ')'],
  ['commas on their own lines', (n) => 'var x = [\n' + ',\n'.repeat(n) + ']'],
  ['empty type arguments', (n) => 'type t = a<' + ','.repeat(n) + '>'],
  ['empty union members', (n) => 'type t = a' + ' |'.repeat(n)],
  ['stray characters on every line', (n) => ')\n:\n@\n'.repeat(n)],
  ['colons on every line of an object', (n) => 'var x = {\n' + ':\n'.repeat(n) + '}'],
  ['empty interpolations', (n) => "var x = '" + '${}'.repeat(n) + "'"],
];

for (const [name, generate] of pathological) {
  test(`recovery reads a linear number of tokens: ${name}`, () => {
    const small = tokenReads(generate(500));
    const large = tokenReads(generate(2000));
    assert.ok(large <= 5 * small, `4 times the input read ${(large / small).toFixed(1)} times the tokens (${small} -> ${large})`);
  });
}
