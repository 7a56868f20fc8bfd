using 'main.bicep'

// The privacy office works in Central time: a Windows time zone ID, as Logic Apps expect.
param timeZone = 'Central Standard Time'

// Role-based receivers: Monitoring Contributor for tier 1, Monitoring Reader for the privacy office.
param tier1RoleId = '749f88d5-cbae-40b8-bcfc-e573ddc772fa'
param privacyOfficeRoleId = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'

// Microsoft Entra groups whose members the Logic Apps resolve at send time.
param tier1GroupId = '7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f'
param privacyOfficeGroupId = '0b9d8c7e-6f5a-4b3c-8d2e-1a0f9e8d7c6b'

param claimsStorageName = 'stclaimsphi001'
param deadLetterStorageName = 'stnotifydl001'
param keyVaultName = 'kv-hipaa-notify'
