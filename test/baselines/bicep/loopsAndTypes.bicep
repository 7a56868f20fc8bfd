// Loops, conditions and types.
var l1 = [for in xs: x]
var l2 = [for x xs: x]
var l3 = [for x in xs x]
var l4 = [for x in xs:]
var l5 = [for (x) in xs: x]
var l6 = [for (x, i, j) in xs: x]
var l7 = [for x in xs: x
resource r1 'a/b@1' = if {
}
resource r2 'a/b@1' = if (true) 1
resource r3 'a/b@1' = [for x in xs: 1]
resource r4 'a/b@1' = [for x in xs: if (x) {
}]
type t1 = {
  : string
  ok: int
}
type t2 = [string, ]
type t3 = string[
type t4 = resourceInput<'a/b@1'
type t5 = (string
type t6 = { *: int, 'quoted': bool, @minLength(1) name: string }
param p1 resource
param p2 resource 'a/b@1'
output o1 resource = r1
