// Loops, conditions and types.
var l1 = [for in xs: x]
//@[17:19) [HN001 (Error)] expected 'in' after the loop variable |xs|
var l2 = [for x xs: x]
//@[16:18) [HN001 (Error)] expected 'in' after the loop variable |xs|
var l3 = [for x in xs x]
//@[22:23) [HN001 (Error)] expected ':' after the collection of the loop |x|
var l4 = [for x in xs:]
//@[22:23) [HN001 (Error)] expected an expression after ':' |]|
var l5 = [for (x) in xs: x]
//@[14:17) [HN001 (Error)] a loop variable block holds two names: (item, index) |(x)|
var l6 = [for (x, i, j) in xs: x]
//@[14:23) [HN001 (Error)] a loop variable block holds two names: (item, index) |(x, i, j)|
var l7 = [for x in xs: x
//@[24:24) [HN001 (Error)] expected ']' to close the loop before the next declaration ||
resource r1 'a/b@1' = if {
//@[25:26) [HN001 (Error)] expected the condition in ( ) after 'if' |{|
}
resource r2 'a/b@1' = if (true) 1
//@[32:33) [HN001 (Error)] expected '{' after the condition |1|
resource r3 'a/b@1' = [for x in xs: 1]
//@[36:37) [HN001 (Error)] expected '{' or 'if' to start the body |1|
resource r4 'a/b@1' = [for x in xs: if (x) {
}]
type t1 = {
  : string
//@[02:03) [HN001 (Error)] expected a property name (a name or a quoted string) |:|
  ok: int
}
type t2 = [string, ]
type t3 = string[
//@[17:17) [HN001 (Error)] expected an expression after '[' ||
type t4 = resourceInput<'a/b@1'
//@[31:31) [HN001 (Error)] expected '>' to close the type arguments before the next declaration ||
type t5 = (string
//@[17:17) [HN001 (Error)] expected ')' ||
type t6 = { *: int, 'quoted': bool, @minLength(1) name: string }
//@[50:54) [HN001 (Error)] expected a new line after the decorator |name|
param p1 resource
//@[06:08) [HN001 (Error)] expected ':' after the property name |p1|
//@[17:17) [HN001 (Error)] expected '}' to close the object type before the next declaration ||
param p2 resource 'a/b@1'
output o1 resource = r1
