import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { updateCase, type CaseDetail } from '../ipc/commands';
import { CaseForm } from './CaseForm';

interface EditCaseDialogProps {
  detail: CaseDetail;
  onSaved(detail: CaseDetail): void;
  onClose(): void;
}

export function EditCaseDialog({ detail, onSaved, onClose }: EditCaseDialogProps) {
  const [busy, setBusy] = useState(false);
  const h = detail.header;
  return (
    <Dialog id="edit-case-dialog" title={`Edit case ${h.number}`} onClose={onClose} busy={busy}>
      <CaseForm
        prefix="edit"
        withNumber={false}
        initial={{
          number: h.number,
          title: h.title,
          openedOn: h.openedOn,
          assignedInvestigator: h.assignedInvestigator,
          agencyReports: h.agencyReports.map((r) => ({ ...r })),
        }}
        submitLabel="Save changes"
        busyLabel="Saving…"
        onBusyChange={setBusy}
        onCancel={onClose}
        onSubmit={async (v) => {
          const updated = await updateCase(h.number, {
            title: v.title,
            openedOn: v.openedOn,
            assignedInvestigator: v.assignedInvestigator,
            agencyReports: v.agencyReports,
          });
          onSaved(updated);
        }}
      />
    </Dialog>
  );
}
