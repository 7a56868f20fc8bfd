using 'main.bicep'

param
param noValue =
param ok = 'x'
resource r 'a/b@1' = {}
extends
extends 'base.bicepparam'
extensionConfig
extensionConfig k8s
extensionConfig k8s2 with {
  namespace: 'x'
}
var v = 1
param fromVar = v
