// The registry: every check the verdict runs, in the order their findings are listed to the county.
import type { Check } from '../check.ts';
import { checkContactInfo } from './contact-info.ts';
import { checkDuplicateTitles } from './duplicate-title.ts';
import { checkLate } from './late.ts';
import { checkMissingContact } from './missing-contact.ts';
import { checkMissingFields } from './missing-field.ts';
import { checkMissingFiles } from './missing-files.ts';
import { checkStamp } from './no-stamp.ts';
import { checkNoTable } from './no-table.ts';
import { checkPdfWordMismatch } from './pdf-word-mismatch.ts';
import { checkQuota } from './quota.ts';
import { checkSectionAndColumn } from './section-column.ts';
import { checkSenderAuthentication } from './sender-authentication.ts';
import { checkFormats } from './unknown-format.ts';
import { checkUnit } from './unit.ts';
import { checkUnreadable } from './unreadable.ts';

export const CHECKS: readonly Check[] = [
  checkLate,
  checkMissingFiles,
  checkUnreadable,
  checkNoTable,
  checkUnit,
  checkSenderAuthentication,
  checkStamp,
  checkPdfWordMismatch,
  checkSectionAndColumn,
  checkMissingFields,
  checkDuplicateTitles,
  checkQuota,
  checkContactInfo,
  checkFormats,
  checkMissingContact,
];
