using 'main.bicep'

param
//@[05:05) [HN001 (Error)] expected a parameter name ||
param noValue =
//@[15:15) [HN001 (Error)] expected a value after '=' ||
param ok = 'x'
resource r 'a/b@1' = {}
//@[00:08) [HN001 (Error)] 'resource' does not start a declaration: expected using, param, var, type, import or extensionConfig |resource|
extends
//@[07:07) [HN001 (Error)] expected the path of the base parameters file in quotes after 'extends' ||
extends 'base.bicepparam'
extensionConfig
//@[15:15) [HN001 (Error)] expected the alias of the extension ||
extensionConfig k8s
//@[19:19) [HN001 (Error)] expected 'with' and the configuration in { } ||
extensionConfig k8s2 with {
  namespace: 'x'
}
var v = 1
param fromVar = v
