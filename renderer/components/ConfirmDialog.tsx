import { useT } from '../i18n'
import { Modal } from './Modal'

interface Props {
  title: string
  children: React.ReactNode
  confirmLabel: string
  danger?: boolean
  onConfirm(): void
  onCancel(): void
}

/** A modal question; Escape or Cancel says no (and Cancel has the focus). */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onCancel }: Props) {
  const t = useT()
  return (
    <Modal title={title} onClose={onCancel} role="alertdialog" onSubmit={onConfirm}>
      <div className="modal-body">{children}</div>
      <div className="modal-actions">
        <button type="button" onClick={onCancel} data-autofocus>{t('cancel')}</button>
        <button type="submit" className={danger ? 'danger' : 'primary'}>{confirmLabel}</button>
      </div>
    </Modal>
  )
}
