import { hn101ActionGroupHardcodedRecipients } from './template/hn101ActionGroupHardcodedRecipients';
import { hn102LogicAppHardcodedRecipients } from './template/hn102LogicAppHardcodedRecipients';
import { hn103ActionGroupDisabledOrEmpty } from './template/hn103ActionGroupDisabledOrEmpty';
import { hn104AlertNotRouted } from './template/hn104AlertNotRouted';
import { hn105AlertMissingDimensionFilter } from './template/hn105AlertMissingDimensionFilter';
import { hn106PolicyComplianceNotNotified } from './template/hn106PolicyComplianceNotNotified';
import { hn107SecurityAlertsNotNotified } from './template/hn107SecurityAlertsNotNotified';
import { hn108ActivityLogAlertsIncomplete } from './template/hn108ActivityLogAlertsIncomplete';
import { hn109CommonAlertSchemaOff } from './template/hn109CommonAlertSchemaOff';
import { hn201LogicAppRetryDisabled } from './template/hn201LogicAppRetryDisabled';
import { hn202LogicAppNoFailurePath } from './template/hn202LogicAppNoFailurePath';
import { hn203EventSubscriptionNoDeadLetter } from './template/hn203EventSubscriptionNoDeadLetter';
import { hn204EventSubscriptionRetryTooShort } from './template/hn204EventSubscriptionRetryTooShort';
import { hn207WebhookNotHttps } from './template/hn207WebhookNotHttps';
import { hn208NotificationComponentDisabled } from './template/hn208NotificationComponentDisabled';
import { hn205RecurrenceWithoutTimezone } from './template/hn205RecurrenceWithoutTimezone';
import { hn206InvalidTimezone } from './template/hn206InvalidTimezone';
import { hn209WebhookWithoutAadAuth } from './template/hn209WebhookWithoutAadAuth';
import { hn301NotificationDeliveryNotLogged } from './template/hn301NotificationDeliveryNotLogged';
import { hn302PhiStoreAuditLogsMissing } from './template/hn302PhiStoreAuditLogsMissing';
import { hn303AuditRetentionTooShort } from './template/hn303AuditRetentionTooShort';
import { hn304NotificationConfigUnprotected } from './template/hn304NotificationConfigUnprotected';
import { hn305ActivityLogNotExported } from './template/hn305ActivityLogNotExported';
import { hn401NsgBlocksNotificationEgress } from './template/hn401NsgBlocksNotificationEgress';
import { hn402KeyvaultDeniesNotificationIdentity } from './template/hn402KeyvaultDeniesNotificationIdentity';
import { hn403NotificationIdentityMissing } from './template/hn403NotificationIdentityMissing';
import { hn404KeyvaultGrantByCopiedId } from './template/hn404KeyvaultGrantByCopiedId';
import type { Rule } from './rule';

/** The template rules (HN1xx-HN4xx), in catalog order. Policy-file rules live in rules/policy. */
export const templateRules: readonly Rule[] = [
  hn101ActionGroupHardcodedRecipients,
  hn102LogicAppHardcodedRecipients,
  hn103ActionGroupDisabledOrEmpty,
  hn104AlertNotRouted,
  hn105AlertMissingDimensionFilter,
  hn106PolicyComplianceNotNotified,
  hn107SecurityAlertsNotNotified,
  hn108ActivityLogAlertsIncomplete,
  hn109CommonAlertSchemaOff,
  hn201LogicAppRetryDisabled,
  hn202LogicAppNoFailurePath,
  hn203EventSubscriptionNoDeadLetter,
  hn204EventSubscriptionRetryTooShort,
  hn205RecurrenceWithoutTimezone,
  hn206InvalidTimezone,
  hn207WebhookNotHttps,
  hn208NotificationComponentDisabled,
  hn209WebhookWithoutAadAuth,
  hn301NotificationDeliveryNotLogged,
  hn302PhiStoreAuditLogsMissing,
  hn303AuditRetentionTooShort,
  hn304NotificationConfigUnprotected,
  hn305ActivityLogNotExported,
  hn401NsgBlocksNotificationEgress,
  hn402KeyvaultDeniesNotificationIdentity,
  hn403NotificationIdentityMissing,
  hn404KeyvaultGrantByCopiedId,
];
