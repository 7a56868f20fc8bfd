// Declarations with mistakes, each followed by one that is fine: recovery must keep the next one.
targetScope =
targetScope = 'resourceGroup'

metadata = 'no name'
metadata owner = 'privacy office'

param
param 3
param % string
param missingType
param withDefault string = 
param extra string 'x'
param ok string

@minLength(
param afterBrokenDecorator string

@description('dangling decorator')

var
var noValue =
var noAssignment 1
var ok2 = 1

type
type t1 =
type t2 = string |
type t3 = 'a' | 'b'

func
func noParams => 1
func noReturnType() => 1
func okFunc(a int) int => a

output
output noType = 1
output noValue string =
output ok3 string = 'x'

resource
resource noType = {}
resource noBody 'Microsoft.Insights/actionGroups@2023-01-01'
resource badBody 'Microsoft.Insights/actionGroups@2023-01-01' = 5
resource okResource 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag'
}

module
module noPath = {}
module noBody2 './m.bicep' =
module okModule './m.bicep' = {
  name: 'm'
}

import
import {a} 'x.bicep'
import * 'x.bicep'
import {b} from 'x.bicep'

extension
extension graph with
extension graph2 as
extension microsoftGraph

assert
assert isTrue = true

unknown declaration here
var last = 'end'
