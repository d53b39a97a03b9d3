import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { createCase, type CaseSummary } from '../ipc/commands';
import { todayIsoDate } from '../lib/format';
import { CaseForm } from './CaseForm';

interface NewCaseDialogProps {
  investigator: string;
  onCreated(summary: CaseSummary): void;
  onClose(): void;
}

export function NewCaseDialog({ investigator, onCreated, onClose }: NewCaseDialogProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog id="new-case-dialog" title="New case" onClose={onClose} busy={busy}>
      <CaseForm
        prefix="case"
        withNumber
        initial={{
          number: '',
          title: '',
          openedOn: todayIsoDate(),
          assignedInvestigator: investigator,
          agencyReports: [],
        }}
        submitLabel="Create case"
        busyLabel="Creating…"
        onBusyChange={setBusy}
        onCancel={onClose}
        onSubmit={async (v) => {
          const summary = await createCase({
            number: v.number,
            title: v.title,
            openedOn: v.openedOn === '' ? null : v.openedOn,
            assignedInvestigator: v.assignedInvestigator === '' ? null : v.assignedInvestigator,
            agencyReports: v.agencyReports,
          });
          onCreated(summary);
        }}
      />
    </Dialog>
  );
}
