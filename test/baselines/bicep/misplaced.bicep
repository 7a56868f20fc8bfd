// Declarations where they cannot be: inside a resource body (indented) and pragmas without codes.
resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'x'
  var inner = 1
  @description('only resources nest')
  module m 'm.bicep' = {
    name: 'm'
  }
  resource child 'blobServices' = {
    name: 'default'
  }
}
var after = 1

#disable-next-line
var pragmaWithoutCodes = 1
#disable-next-line/* comment */ BCP081
var pragmaCodesNotSeparated = 1
#disable-next-line BCP081 no-unused-vars // why
var pragmaOk = 1
