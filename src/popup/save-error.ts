// A refused save in words the user can act on: storage.sync's quota errors are named.
import { storageProblem } from '../core/storage-errors';
import { t } from '../i18n';

export function saveErrorText(message: string): string {
  switch (storageProblem(message)) {
    case 'too-large':
      return t('errorSyncTooLarge');
    case 'too-many-writes':
      return t('errorSyncTooManyWrites');
    case 'sync-unavailable':
      return t('errorSyncUnavailable');
    case 'other':
      return t('errorNotSaved', message);
  }
}
