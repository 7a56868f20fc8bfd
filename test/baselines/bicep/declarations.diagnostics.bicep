// Declarations with mistakes, each followed by one that is fine: recovery must keep the next one.
targetScope =
//@[13:13) [HN001 (Error)] expected a value after '=' ||
targetScope = 'resourceGroup'

metadata = 'no name'
//@[09:10) [HN001 (Error)] expected a metadata name |=|
metadata owner = 'privacy office'

param
//@[05:05) [HN001 (Error)] expected a parameter name ||
param 3
//@[06:07) [HN001 (Error)] expected a parameter name |3|
param % string
//@[06:07) [HN001 (Error)] expected a parameter name |%|
param missingType
//@[17:17) [HN001 (Error)] expected the parameter's type (string, int, bool, object, array or a type name) ||
param withDefault string = 
//@[27:27) [HN001 (Error)] expected a value after '=' ||
param extra string 'x'
//@[19:22) [HN001 (Error)] expected '=' and a default value, or a new line |'x'|
param ok string

@minLength(
//@[10:11) [HN001 (Error)] this '(' is not closed: add ')' |(|
param afterBrokenDecorator string

@description('dangling decorator')

var
//@[03:03) [HN001 (Error)] expected a variable name ||
var noValue =
//@[13:13) [HN001 (Error)] expected a value after '=' ||
var noAssignment 1
//@[18:18) [HN001 (Error)] expected '=' and a value ||
var ok2 = 1

type
//@[04:04) [HN001 (Error)] expected a type name ||
type t1 =
//@[09:09) [HN001 (Error)] expected a type after '=' ||
type t2 = string |
//@[18:18) [HN001 (Error)] expected a type after '|' ||
type t3 = 'a' | 'b'

func
//@[04:04) [HN001 (Error)] expected a function name ||
func noParams => 1
//@[14:16) [HN001 (Error)] expected '(' and the function's parameters |=>|
func noReturnType() => 1
//@[20:22) [HN001 (Error)] expected the function's return type before '=>' |=>|
func okFunc(a int) int => a

output
//@[06:06) [HN001 (Error)] expected an output name ||
output noType = 1
//@[14:15) [HN001 (Error)] expected the output's type (string, int, bool, object, array or a type name) |=|
output noValue string =
//@[23:23) [HN001 (Error)] expected a value after '=' ||
output ok3 string = 'x'

resource
//@[08:08) [HN001 (Error)] expected a resource name ||
resource noType = {}
//@[16:17) [HN001 (Error)] expected the resource type in quotes, like 'Microsoft.Insights/actionGroups@2023-01-01' |=|
resource noBody 'Microsoft.Insights/actionGroups@2023-01-01'
//@[60:60) [HN001 (Error)] expected '=' and the body in { } ||
resource badBody 'Microsoft.Insights/actionGroups@2023-01-01' = 5
//@[64:65) [HN001 (Error)] expected '{', 'if' or '[for' to start the body |5|
resource okResource 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag'
}

module
//@[06:06) [HN001 (Error)] expected a module name ||
module noPath = {}
//@[14:15) [HN001 (Error)] expected the module path in quotes, like './module.bicep' or 'br/public:...' |=|
module noBody2 './m.bicep' =
//@[28:28) [HN001 (Error)] expected '{', 'if' or '[for' to start the body ||
module okModule './m.bicep' = {
  name: 'm'
}

import
//@[06:06) [HN001 (Error)] expected '{' and the names to import, or '* as name' ||
import {a} 'x.bicep'
//@[11:20) [HN001 (Error)] expected 'from' and the path of the file to import from |'x.bicep'|
import * 'x.bicep'
//@[09:18) [HN001 (Error)] expected 'as' and a namespace name after '*' |'x.bicep'|
import {b} from 'x.bicep'

extension
//@[09:09) [HN001 (Error)] expected the extension name, or its reference in quotes ||
extension graph with
//@[20:20) [HN001 (Error)] expected '{' and the configuration after 'with' ||
extension graph2 as
//@[19:19) [HN001 (Error)] expected an alias name after 'as' ||
extension microsoftGraph

assert
//@[06:06) [HN001 (Error)] expected a name for the assertion ||
assert isTrue = true

unknown declaration here
//@[00:07) [HN001 (Error)] 'unknown' does not start a declaration: expected param, var, resource, module, output, type, func, import, metadata or targetScope |unknown|
var last = 'end'
