// Forgotten closing brackets: the next declaration must still parse.
resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ops'
  properties: {
    emailReceivers: [
      {
        name: 'privacy'
//@[23:23) [HN001 (Error)] expected '}' to close the object before the next declaration ||

param p string

var o = {
  a: (1 + 2
//@[05:06) [HN001 (Error)] this '(' is not closed: add ')' |(|
//@[11:11) [HN001 (Error)] expected '}' to close the object before the next declaration ||

output o string = 'x'

var loop = [for x in range(0, 3): x
//@[35:35) [HN001 (Error)] expected ']' to close the loop before the next declaration ||

type t = {
  name: string
//@[14:14) [HN001 (Error)] expected '}' to close the object type before the next declaration ||

var end = 1
