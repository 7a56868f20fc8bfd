// Items are separated by one comma or one line break.
var o1 = { a: 1, b: 2 }
var o2 = {
  a: 1,
  b: 2
}
var o3 = { a: 1 b: 2 }
var o4 = { a: 1,, b: 2 }
var a1 = [
  1,
  2
]
var a2 = [1 2]
var a3 = [1,, 2]
var a4 = ['trailing', 'comma', ]
var call1 = concat(
  'a'
  'b'
)
var call2 = concat(
  'a',
  'b'
)
var noColon = {
  key 'value'
  other: 1
}
var noValue = {
  key:
  other: 1
}
var badKey = {
  1: 'one'
  ok: 2
}
