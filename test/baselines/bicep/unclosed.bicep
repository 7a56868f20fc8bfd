// Forgotten closing brackets: the next declaration must still parse.
resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ops'
  properties: {
    emailReceivers: [
      {
        name: 'privacy'

param p string

var o = {
  a: (1 + 2

output o string = 'x'

var loop = [for x in range(0, 3): x

type t = {
  name: string

var end = 1
