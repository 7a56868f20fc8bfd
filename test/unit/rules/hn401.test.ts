import { hn401NsgBlocksNotificationEgress } from '../../../server/src/rules/template/hn401NsgBlocksNotificationEgress';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';

const rule = (name: string, priority: Described, access: string, ports: { readonly [key: string]: Described }, destination: { readonly [key: string]: Described }): Described => ({
  name,
  properties: { priority, direction: 'Outbound', access, protocol: 'Tcp', sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', ...ports, ...destination },
});
const denyInternet = (priority: Described = 4000, ports: { readonly [key: string]: Described } = { destinationPortRange: '*' }) => rule('Deny-Internet-Out', priority, 'Deny', ports, { destinationAddressPrefix: 'Internet' });
const allowHttps = (priority: Described = 100, destination: { readonly [key: string]: Described } = { destinationAddressPrefix: 'Internet' }) => rule('Allow-Https-Out', priority, 'Allow', { destinationPortRanges: ['443', '587', '25'] }, destination);
const nsg = (securityRules: Described, name: Described = 'nsg-claims-notify-relay'): ResourceText => ({
  symbol: 'relayNsg',
  type: 'Microsoft.Network/networkSecurityGroups@2023-05-01',
  body: { name, location: 'eastus', properties: { securityRules } },
});
const bastionSubnet = (nsgId: Described): Described => ({ name: 'AzureBastionSubnet', properties: { addressPrefix: '10.0.1.0/26', networkSecurityGroup: { id: nsgId } } });
const vnet = (subnets: Described): ResourceText => ({ symbol: 'vnet', type: 'Microsoft.Network/virtualNetworks@2023-05-01', body: { name: 'vnet-claims', location: 'eastus', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets } } });
const relayNic: ResourceText = {
  symbol: 'relayNic',
  type: 'Microsoft.Network/networkInterfaces@2023-05-01',
  body: { name: 'nic-claims-mail-relay', location: 'eastus', properties: { networkSecurityGroup: { id: expression('relayNsg.id', "resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-claims-notify-relay')") }, ipConfigurations: [] } },
};
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "allowPriority": { "value": 4096 }\n  }\n}\n';
/** A mail relay NIC tagged as a notification component: the NSG it names is where a notifier runs. */
const notifierNic = (nsgId: Described = expression('relayNsg.id', "resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-claims-notify-relay')")): ResourceText => ({
  symbol: 'notifierNic',
  type: 'Microsoft.Network/networkInterfaces@2023-05-01',
  body: { name: 'nic-claims-notifier', location: 'eastus', tags: { 'hipaa-notify': 'notification' }, properties: { networkSecurityGroup: { id: nsgId }, ipConfigurations: [] } },
});
/** ARM resources (JSON text) followed by the notifier NIC, so line numbers of the NSG stay put. */
const armNotified = (resources: string, extra: Parameters<typeof armTemplate>[1] = {}, nsgId?: Described) => armTemplate(`${resources},\n${armResource(notifierNic(nsgId))}`, extra);
const bicepNotified = (text: string, nsgId?: Described) => `${text}\n${bicepResource(notifierNic(nsgId))}`;
const subnetWith = (name: string, nsgId: Described): Described => ({ name, properties: { addressPrefix: '10.0.2.0/24', networkSecurityGroup: { id: nsgId } } });
const functionApp = (subnetId: Described, tagged: boolean): ResourceText => ({
  symbol: 'notifierApp',
  type: 'Microsoft.Web/sites@2023-01-01',
  body: { name: 'func-claims-notify', location: 'eastus', kind: 'functionapp', ...(tagged ? { tags: { 'hipaa-notify': 'notification' } } : {}), properties: { virtualNetworkSubnetId: subnetId } },
});
const relayNsgId = expression('relayNsg.id', "resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-claims-notify-relay')");
const appSubnetId = expression("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-claims', 'snet-notify')", "resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-claims', 'snet-notify')");

testRule(hn401NsgBlocksNotificationEgress, {
  valid: [
    { name: 'ARM: a deny with an earlier allow for 443, 587 and 25', files: { 'azuredeploy.json': armTemplate(armResource(nsg([allowHttps(), denyInternet()]))) } },
    { name: 'ARM: an allow to * covers every destination', files: { 'azuredeploy.json': armTemplate(armResource(nsg([allowHttps(100, { destinationAddressPrefix: '*' }), rule('Deny-Monitor', 200, 'Deny', { destinationPortRange: '443' }, { destinationAddressPrefixes: ['AzureMonitor.EastUS', 'ActionGroup'] })]))) } },
    { name: 'ARM: a deny of ports notifications do not use', files: { 'azuredeploy.json': armTemplate(armResource(nsg([denyInternet(4000, { destinationPortRanges: ['22', '3389', '8080-8090'] })]))) } },
    { name: 'ARM: a deny towards a private range', files: { 'azuredeploy.json': armTemplate(armResource(nsg([rule('Deny-Onprem', 300, 'Deny', { destinationPortRange: '*' }, { destinationAddressPrefix: '10.0.0.0/8' })]))) } },
    { name: 'ARM: a priority from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(nsg([allowHttps(expression('', "parameters('allowPriority')")), denyInternet()])), { parameters: '"allowPriority": { "type": "int" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(nsg([denyInternet()]), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(nsg([denyInternet()]), { metadata: { 'hipaa-notify': { suppress: { HN401: 'egress goes through the firewall via a UDR' } } } })) } },
    {
      name: 'ARM: an NSG that guards only the Bastion subnet',
      files: { 'azuredeploy.json': armTemplate(`${armResource(nsg([denyInternet()]))},\n${armResource({ symbol: 'vnet', type: 'Microsoft.Network/virtualNetworks@2023-05-01', body: { name: 'vnet-claims', location: 'eastus', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ name: 'AzureBastionSubnet', properties: { addressPrefix: '10.0.1.0/26', networkSecurityGroup: { id: expression('', "resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-claims-notify-relay')") } } }] } } })}`) },
    },
    {
      name: 'ARM: a Bastion NSG whose name is known only at deployment',
      files: { 'azuredeploy.json': armTemplate(`${armResource(nsg([denyInternet()], expression('', "concat('nsg-bastion-', uniqueString(resourceGroup().id))")))},\n${armResource(vnet([bastionSubnet(expression('', "resourceId('Microsoft.Network/networkSecurityGroups', concat('nsg-bastion-', uniqueString(resourceGroup().id)))"))]))}`) },
    },
    { name: 'ARM: an earlier allow to AzureCloud covers the AzureMonitor tag', files: { 'azuredeploy.json': armTemplate(armResource(nsg([allowHttps(100, { destinationAddressPrefix: 'AzureCloud' }), rule('Deny-Monitor', 200, 'Deny', { destinationPortRange: '443' }, { destinationAddressPrefix: 'AzureMonitor' })]))) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(armResource(nsg([allowHttps(), denyInternet()]))).replace(/\n( *)\{\n( *)"name": "Deny-Internet-Out"/, '\n$1// hipaa-notify-disable-next-line HN401 -- egress goes through the firewall via a UDR\n$1{\n$2"name": "Deny-Internet-Out"').replace(/"priority": 100,/, '"priority": 4001,') } },
    {
      name: 'ARM: deny-all egress on a database subnet with no notifier behind it is not judged',
      files: { 'azuredeploy.json': armTemplate([nsg([denyInternet()]), vnet([subnetWith('snet-sql', relayNsgId)])].map((r) => armResource(r)).join(',\n')) },
    },
    {
      name: 'ARM: a VNet-integrated Function App that is not a notification component',
      files: { 'azuredeploy.json': armTemplate([nsg([denyInternet()]), vnet([subnetWith('snet-notify', relayNsgId)]), functionApp(appSubnetId, false)].map((r) => armResource(r)).join(',\n')) },
    },
    { name: 'Bicep: deny-all egress on a private endpoint subnet with no notifier behind it is not judged', files: { 'main.bicep': `${bicepResource(nsg([denyInternet()]))}\n${bicepResource(vnet([subnetWith('snet-private-endpoints', relayNsgId)]))}` } },
    {
      name: 'Bicep: a notifier NIC whose NSG is another one',
      files: { 'main.bicep': bicepNotified(`${bicepResource(nsg([denyInternet()]))}\n${bicepResource({ ...nsg([]), symbol: 'otherNsg', body: { ...nsg([]).body, name: 'nsg-other' } })}`, expression('otherNsg.id', '')) },
    },
    { name: 'Bicep: a deny with an earlier allow', files: { 'main.bicep': bicepResource(nsg([allowHttps(), denyInternet()])) } },
    { name: 'Bicep: an allow priority from a parameter without a default is unknown', files: { 'main.bicep': `param allowPriority int\n\n${bicepResource(nsg([allowHttps(expression('allowPriority', '')), denyInternet()]))}` } },
    { name: 'Bicep: a Bastion NSG', files: { 'main.bicep': `${bicepResource(nsg([denyInternet()]))}\n${bicepResource(vnet([bastionSubnet(expression('relayNsg.id', ''))]))}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(nsg([denyInternet()]), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': `// hipaa-notify-disable-next-line HN401 -- egress goes through the firewall via a UDR\n${bicepResource(nsg([denyInternet()]))}` } },
  ],
  invalid: [
    { name: 'ARM: deny all Internet egress', files: { 'azuredeploy.json': armNotified(armResource(nsg([denyInternet()]))) }, rewrites: { 'azuredeploy.json': [['            }\n', '            }\n          },\n          {\n            "name": "allow-notification-egress",\n            "properties": {\n              "description": "Lets notifications out (hipaa-notify HN401).",\n              "protocol": "Tcp",\n              "sourcePortRange": "*",\n              "sourceAddressPrefix": "*",\n              "destinationPortRanges": [\n                "25",\n                "443",\n                "587"\n              ],\n              "destinationAddressPrefix": "Internet",\n              "access": "Allow",\n              "priority": 3999,\n              "direction": "Outbound"\n            }\n']] }, findings: [{ file: 'azuredeploy.json', line: 15, message: /rule 'Deny-Internet-Out' of Microsoft.Network\/networkSecurityGroups 'nsg-claims-notify-relay' denies outbound TCP 443 to Internet, TCP 587 to Internet, TCP 25 to Internet/ }] },
    { name: 'ARM: the allow comes after the deny', files: { 'azuredeploy.json': armNotified(armResource(nsg([denyInternet(200), allowHttps(300)]))) }, rewrites: { 'azuredeploy.json': [['              ],\n              "destinationAddressPrefix": "Internet"\n            }\n', '              ],\n              "destinationAddressPrefix": "Internet"\n            }\n          },\n          {\n            "name": "allow-notification-egress",\n            "properties": {\n              "description": "Lets notifications out (hipaa-notify HN401).",\n              "protocol": "Tcp",\n              "sourcePortRange": "*",\n              "sourceAddressPrefix": "*",\n              "destinationPortRanges": [\n                "25",\n                "443",\n                "587"\n              ],\n              "destinationAddressPrefix": "Internet",\n              "access": "Allow",\n              "priority": 199,\n              "direction": "Outbound"\n            }\n']] }, findings: [{ file: 'azuredeploy.json', line: 15, message: /priority number below 200/ }] },
    {
      name: 'ARM: a port range and a service tag, allow covers only 443',
      files: { 'azuredeploy.json': armNotified(armResource(nsg([rule('Allow-443', 100, 'Allow', { destinationPortRange: '443' }, { destinationAddressPrefix: 'Internet' }), rule('Deny-Mail', 200, 'Deny', { destinationPortRange: '20-600' }, { destinationAddressPrefix: 'ActionGroup' })]))) },
      rewrites: { 'azuredeploy.json': [['              "destinationAddressPrefix": "ActionGroup"\n            }\n', '              "destinationAddressPrefix": "ActionGroup"\n            }\n          },\n          {\n            "name": "allow-notification-egress",\n            "properties": {\n              "description": "Lets notifications out (hipaa-notify HN401).",\n              "protocol": "Tcp",\n              "sourcePortRange": "*",\n              "sourceAddressPrefix": "*",\n              "destinationPortRanges": [\n                "25",\n                "587"\n              ],\n              "destinationAddressPrefix": "ActionGroup",\n              "access": "Allow",\n              "priority": 199,\n              "direction": "Outbound"\n            }\n']] }, findings: [{ file: 'azuredeploy.json', line: 28, message: /denies outbound TCP 587 to ActionGroup, TCP 25 to ActionGroup/ }],
    },
    {
      name: 'ARM: a child securityRules resource',
      files: { 'azuredeploy.json': armNotified(`${armResource(nsg([]))},\n${armResource({ symbol: 'deny', type: 'Microsoft.Network/networkSecurityGroups/securityRules@2023-05-01', body: { name: 'nsg-claims-notify-relay/Deny-Smtp', properties: { priority: 100, direction: 'Outbound', access: 'Deny', protocol: '*', destinationPortRange: '25', destinationAddressPrefix: '*', sourceAddressPrefix: '*', sourcePortRange: '*' } } })}`) },
      findings: [{ file: 'azuredeploy.json', line: 19, message: /'Deny-Smtp'.*TCP 25 to Internet/ }],
    },
    {
      name: 'ARM: the allow pushed behind the deny by a parameter default',
      files: { 'azuredeploy.json': armNotified(armResource(nsg([allowHttps(expression('', "parameters('allowPriority')")), denyInternet()])), { parameters: '"allowPriority": { "type": "int", "defaultValue": 4001 }' }) },
      rewrites: { 'azuredeploy.json': [['              "destinationPortRange": "*",\n              "destinationAddressPrefix": "Internet"\n            }\n', '              "destinationPortRange": "*",\n              "destinationAddressPrefix": "Internet"\n            }\n          },\n          {\n            "name": "allow-notification-egress",\n            "properties": {\n              "description": "Lets notifications out (hipaa-notify HN401).",\n              "protocol": "Tcp",\n              "sourcePortRange": "*",\n              "sourceAddressPrefix": "*",\n              "destinationPortRanges": [\n                "25",\n                "443",\n                "587"\n              ],\n              "destinationAddressPrefix": "Internet",\n              "access": "Allow",\n              "priority": 3999,\n              "direction": "Outbound"\n            }\n']] }, findings: [{ file: 'azuredeploy.json', line: 32, message: /'Deny-Internet-Out'/ }],
    },
    {
      name: 'ARM: the allow pushed behind the deny by a parameter file',
      files: { 'azuredeploy.json': armNotified(armResource(nsg([allowHttps(expression('', "parameters('allowPriority')")), denyInternet()])), { parameters: '"allowPriority": { "type": "int", "defaultValue": 100 }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.json': [['              "destinationPortRange": "*",\n              "destinationAddressPrefix": "Internet"\n            }\n', '              "destinationPortRange": "*",\n              "destinationAddressPrefix": "Internet"\n            }\n          },\n          {\n            "name": "allow-notification-egress",\n            "properties": {\n              "description": "Lets notifications out (hipaa-notify HN401).",\n              "protocol": "Tcp",\n              "sourcePortRange": "*",\n              "sourceAddressPrefix": "*",\n              "destinationPortRanges": [\n                "25",\n                "443",\n                "587"\n              ],\n              "destinationAddressPrefix": "Internet",\n              "access": "Allow",\n              "priority": 3999,\n              "direction": "Outbound"\n            }\n']] }, findings: [{ file: 'azuredeploy.json', line: 32, message: /'Deny-Internet-Out'/ }],
    },
    {
      name: 'ARM: rules from a variable, in a copy loop',
      files: { 'azuredeploy.json': armNotified(armResource(nsg(expression('', "variables('lockdown')"), expression('', "concat('nsg-claims-', copyIndex())")), { copy: { name: 'nsgs', count: 2 } }), { variables: '\n    "lockdown": [ { "name": "Deny-All-Out", "properties": { "priority": 4000, "direction": "Outbound", "access": "Deny", "protocol": "*", "destinationPortRange": "*", "destinationAddressPrefix": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*" } } ]\n  ' }, expression('', "resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-claims-0')")) },
      rewrites: { 'azuredeploy.json': [['    "lockdown": [ { "name": "Deny-All-Out", "properties": { "priority": 4000, "direction": "Outbound", "access": "Deny", "protocol": "*", "destinationPortRange": "*", "destinationAddressPrefix": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*" } } ]\n', '    "lockdown": [\n      {\n        "name": "Deny-All-Out",\n        "properties": {\n          "priority": 4000,\n          "direction": "Outbound",\n          "access": "Deny",\n          "protocol": "*",\n          "destinationPortRange": "*",\n          "destinationAddressPrefix": "*",\n          "sourceAddressPrefix": "*",\n          "sourcePortRange": "*"\n        }\n      },\n      {\n        "name": "allow-notification-egress",\n        "properties": {\n          "description": "Lets notifications out (hipaa-notify HN401).",\n          "protocol": "Tcp",\n          "sourcePortRange": "*",\n          "sourceAddressPrefix": "*",\n          "destinationPortRanges": [\n            "25",\n            "443",\n            "587"\n          ],\n          "destinationAddressPrefix": "Internet",\n          "access": "Allow",\n          "priority": 3999,\n          "direction": "Outbound"\n        }\n      }\n    ]\n']] }, findings: [
        { file: 'azuredeploy.json', line: 6, message: /'nsg-claims-0'/ },
      ],
    },
    {
      name: 'ARM: an inbound rule with an unknown priority does not hide the deny',
      files: { 'azuredeploy.json': armNotified(armResource(nsg([{ name: 'Allow-Https-In', properties: { priority: expression('', "parameters('inboundPriority')"), direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443' } }, denyInternet()])), { parameters: '"inboundPriority": { "type": "int" }' }) },
      rewrites: { 'azuredeploy.json': [['              "destinationAddressPrefix": "Internet"\n            }\n', '              "destinationAddressPrefix": "Internet"\n            }\n          },\n          {\n            "name": "allow-notification-egress",\n            "properties": {\n              "description": "Lets notifications out (hipaa-notify HN401).",\n              "protocol": "Tcp",\n              "sourcePortRange": "*",\n              "sourceAddressPrefix": "*",\n              "destinationPortRanges": [\n                "25",\n                "443",\n                "587"\n              ],\n              "destinationAddressPrefix": "Internet",\n              "access": "Allow",\n              "priority": 3999,\n              "direction": "Outbound"\n            }\n']] }, findings: [{ file: 'azuredeploy.json', line: 28, message: /'Deny-Internet-Out'/ }],
    },
    {
      name: 'ARM: an NSG on the Bastion subnet and on a mail relay NIC',
      files: { 'azuredeploy.json': armTemplate([nsg([denyInternet()]), vnet([bastionSubnet(expression('', "resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-claims-notify-relay')"))]), { ...relayNic, body: { ...relayNic.body, tags: { 'hipaa-notify': 'notification' } } }].map((r) => armResource(r)).join(',\n')) },
      rewrites: { 'azuredeploy.json': [['              "destinationAddressPrefix": "Internet"\n            }\n', '              "destinationAddressPrefix": "Internet"\n            }\n          },\n          {\n            "name": "allow-notification-egress",\n            "properties": {\n              "description": "Lets notifications out (hipaa-notify HN401).",\n              "protocol": "Tcp",\n              "sourcePortRange": "*",\n              "sourceAddressPrefix": "*",\n              "destinationPortRanges": [\n                "25",\n                "443",\n                "587"\n              ],\n              "destinationAddressPrefix": "Internet",\n              "access": "Allow",\n              "priority": 3999,\n              "direction": "Outbound"\n            }\n']] }, findings: [{ file: 'azuredeploy.json', line: 15, message: /'Deny-Internet-Out'/ }],
    },
    {
      name: 'ARM: the NSG of the subnet a notifier Function App is VNet-integrated with',
      files: { 'azuredeploy.json': armTemplate([nsg([denyInternet()]), vnet([subnetWith('snet-notify', relayNsgId)]), functionApp(appSubnetId, true)].map((r) => armResource(r)).join(',\n')) },
      rewrites: { 'azuredeploy.json': [['              "destinationAddressPrefix": "Internet"\n            }\n', '              "destinationAddressPrefix": "Internet"\n            }\n          },\n          {\n            "name": "allow-notification-egress",\n            "properties": {\n              "description": "Lets notifications out (hipaa-notify HN401).",\n              "protocol": "Tcp",\n              "sourcePortRange": "*",\n              "sourceAddressPrefix": "*",\n              "destinationPortRanges": [\n                "25",\n                "443",\n                "587"\n              ],\n              "destinationAddressPrefix": "Internet",\n              "access": "Allow",\n              "priority": 3999,\n              "direction": "Outbound"\n            }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 15, message: /'Deny-Internet-Out'.*TCP 443 to Internet/ }],
    },
    {
      name: 'Bicep: the NSG of the subnet a notifier Function App is VNet-integrated with',
      files: { 'main.bicep': [nsg([denyInternet()]), vnet([subnetWith('snet-notify', relayNsgId)]), functionApp(appSubnetId, true)].map((r) => bicepResource(r)).join('\n') },
      rewrites: { 'main.bicep': [['          destinationAddressPrefix: \'Internet\'\n        }\n      }\n', '          destinationAddressPrefix: \'Internet\'\n        }\n      }\n      {\n        name: \'allow-notification-egress\'\n        properties: {\n          description: \'Lets notifications out (hipaa-notify HN401).\'\n          protocol: \'Tcp\'\n          sourcePortRange: \'*\'\n          sourceAddressPrefix: \'*\'\n          destinationPortRanges: [\n            \'25\'\n            \'443\'\n            \'587\'\n          ]\n          destinationAddressPrefix: \'Internet\'\n          access: \'Allow\'\n          priority: 3999\n          direction: \'Outbound\'\n        }\n      }\n']] },
      findings: [{ file: 'main.bicep', line: 7, message: /'Deny-Internet-Out'.*TCP 443 to Internet/ }],
    },
    { name: 'Bicep: deny all Internet egress', files: { 'main.bicep': bicepNotified(bicepResource(nsg([denyInternet()]))) }, rewrites: { 'main.bicep': [['        }\n      }\n', '        }\n      }\n      {\n        name: \'allow-notification-egress\'\n        properties: {\n          description: \'Lets notifications out (hipaa-notify HN401).\'\n          protocol: \'Tcp\'\n          sourcePortRange: \'*\'\n          sourceAddressPrefix: \'*\'\n          destinationPortRanges: [\n            \'25\'\n            \'443\'\n            \'587\'\n          ]\n          destinationAddressPrefix: \'Internet\'\n          access: \'Allow\'\n          priority: 3999\n          direction: \'Outbound\'\n        }\n      }\n']] }, findings: [{ file: 'main.bicep', line: 7, message: /'Deny-Internet-Out'.*TCP 443 to Internet/ }] },
    {
      name: 'Bicep: the allow pushed behind the deny by a parameter default',
      files: { 'main.bicep': bicepNotified(`param allowPriority int = 4001\n\n${bicepResource(nsg([allowHttps(expression('allowPriority', '')), denyInternet()]))}`) },
      rewrites: { 'main.bicep': [['          destinationPortRange: \'*\'\n          destinationAddressPrefix: \'Internet\'\n        }\n      }\n', '          destinationPortRange: \'*\'\n          destinationAddressPrefix: \'Internet\'\n        }\n      }\n      {\n        name: \'allow-notification-egress\'\n        properties: {\n          description: \'Lets notifications out (hipaa-notify HN401).\'\n          protocol: \'Tcp\'\n          sourcePortRange: \'*\'\n          sourceAddressPrefix: \'*\'\n          destinationPortRanges: [\n            \'25\'\n            \'443\'\n            \'587\'\n          ]\n          destinationAddressPrefix: \'Internet\'\n          access: \'Allow\'\n          priority: 3999\n          direction: \'Outbound\'\n        }\n      }\n']] }, findings: [{ file: 'main.bicep', line: 26, message: /'Deny-Internet-Out'/ }],
    },
    {
      name: 'Bicep: the allow priority from a .bicepparam value',
      files: { 'main.bicep': bicepNotified(`param allowPriority int = 100\n\n${bicepResource(nsg([allowHttps(expression('allowPriority', '')), denyInternet()]))}`), 'main.bicepparam': "using 'main.bicep'\n\nparam allowPriority = 4050\n" },
      rewrites: { 'main.bicep': [['          destinationPortRange: \'*\'\n          destinationAddressPrefix: \'Internet\'\n        }\n      }\n', '          destinationPortRange: \'*\'\n          destinationAddressPrefix: \'Internet\'\n        }\n      }\n      {\n        name: \'allow-notification-egress\'\n        properties: {\n          description: \'Lets notifications out (hipaa-notify HN401).\'\n          protocol: \'Tcp\'\n          sourcePortRange: \'*\'\n          sourceAddressPrefix: \'*\'\n          destinationPortRanges: [\n            \'25\'\n            \'443\'\n            \'587\'\n          ]\n          destinationAddressPrefix: \'Internet\'\n          access: \'Allow\'\n          priority: 3999\n          direction: \'Outbound\'\n        }\n      }\n']] }, findings: [{ file: 'main.bicep', line: 26, message: /'Deny-Internet-Out'/ }],
    },
    {
      name: 'Bicep: a variable rule in a loop of NSGs',
      files: { 'main.bicep': `var denyOut = {\n  name: 'Deny-Web-Out'\n  properties: {\n    priority: 500\n    direction: 'Outbound'\n    access: 'Deny'\n    protocol: 'Tcp'\n    destinationPortRanges: [\n      '80'\n      '443'\n    ]\n    destinationAddressPrefix: 'Internet'\n    sourceAddressPrefix: '*'\n    sourcePortRange: '*'\n  }\n}\n\n${bicepResource(nsg([expression('denyOut', '')], expression("'nsg-claims-${tier}'", '')), { loop: "tier in ['web', 'notify']" })}\n${bicepResource(notifierNic(expression('relayNsg[0].id', '')))}` },
      rewrites: { 'main.bicep': [['      denyOut\n', '      denyOut\n      {\n        name: \'allow-notification-egress\'\n        properties: {\n          description: \'Lets notifications out (hipaa-notify HN401).\'\n          protocol: \'Tcp\'\n          sourcePortRange: \'*\'\n          sourceAddressPrefix: \'*\'\n          destinationPortRange: \'443\'\n          destinationAddressPrefix: \'Internet\'\n          access: \'Allow\'\n          priority: 499\n          direction: \'Outbound\'\n        }\n      }\n']] }, findings: [
        { file: 'main.bicep', line: 2, message: /'nsg-claims-web'.*TCP 443 to Internet/ },
      ],
    },
    {
      name: 'Bicep: the deny priority passed to a module',
      files: { 'main.bicep': "module relay 'modules/relay.bicep' = {\n  name: 'relay'\n  params: {\n    denyPriority: 50\n  }\n}\n", 'modules/relay.bicep': bicepNotified(`param denyPriority int\n\n${bicepResource(nsg([allowHttps(), denyInternet(expression('denyPriority', ''))]))}`) },
      findings: [{ file: 'modules/relay.bicep', line: 26, message: /priority number below 50/ }],
    },
  ],
});
