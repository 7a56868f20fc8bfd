using 'main.bicep'

// HN206: an IANA zone name; Logic Apps only accept Windows time zone IDs ('Eastern Standard Time')
param escalationTimeZone = 'America/New_York'

// HN303: 90 days of audit logs, with no table archive for the six years 164.530(j) asks for
param auditRetentionDays = 90
