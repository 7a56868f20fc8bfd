// Items are separated by one comma or one line break.
var o1 = { a: 1, b: 2 }
var o2 = {
  a: 1,
//@[07:07) [HN001 (Error)] remove the ',' at the end of the line: items on separate lines need no comma ||
  b: 2
}
var o3 = { a: 1 b: 2 }
//@[16:17) [HN001 (Error)] expected a new line or ',' between items |b|
var o4 = { a: 1,, b: 2 }
//@[16:17) [HN001 (Error)] expected a property name (a name or a quoted string) |,|
var a1 = [
  1,
//@[04:04) [HN001 (Error)] remove the ',' at the end of the line: items on separate lines need no comma ||
  2
]
var a2 = [1 2]
//@[12:13) [HN001 (Error)] expected a new line or ',' between items |2|
var a3 = [1,, 2]
//@[12:13) [HN001 (Error)] expected an expression after ',' |,|
var a4 = ['trailing', 'comma', ]
var call1 = concat(
  'a'
//@[05:05) [HN001 (Error)] expected ',' between the arguments ||
  'b'
)
var call2 = concat(
  'a',
  'b'
)
var noColon = {
  key 'value'
//@[06:13) [HN001 (Error)] expected ':' after the property name |'value'|
  other: 1
}
var noValue = {
  key:
//@[06:06) [HN001 (Error)] expected a value after ':' ||
  other: 1
}
var badKey = {
  1: 'one'
//@[02:03) [HN001 (Error)] expected a property name (a name or a quoted string) |1|
  ok: 2
}
