// Declarations where they cannot be: inside a resource body (indented) and pragmas without codes.
resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'x'
  var inner = 1
//@[02:05) [HN001 (Error)] a 'var' declaration cannot be written inside an object; move it to the top level |var|
  @description('only resources nest')
  module m 'm.bicep' = {
//@[02:08) [HN001 (Error)] a 'module' declaration cannot be written inside an object; move it to the top level |module|
    name: 'm'
  }
  resource child 'blobServices' = {
    name: 'default'
  }
}
var after = 1

#disable-next-line
//@[00:18) [HN001 (Error)] add at least one diagnostic code after #disable-next-line, like #disable-next-line BCP081 |#disable-next-line|
var pragmaWithoutCodes = 1
#disable-next-line/* comment */ BCP081
//@[00:38) [HN001 (Error)] add at least one diagnostic code after #disable-next-line, like #disable-next-line BCP081 |#disable-next-line/* comment */ BCP081|
var pragmaCodesNotSeparated = 1
#disable-next-line BCP081 no-unused-vars // why
var pragmaOk = 1
