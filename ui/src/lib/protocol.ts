// Pure helpers for the guided protocol: walking its steps in order and
// reading answers. No rules about what is required live here: the backend
// computes progress and omissions.
import type {
  Answer,
  AnswerInput,
  LegalKind,
  OrderKind,
  PlanKind,
  Protocol,
  ProtocolItem,
  ProtocolStage,
  ProtocolStep,
} from '../ipc/commands';

export interface FlatStep {
  stage: ProtocolStage;
  step: ProtocolStep;
  /** Position among all steps of the protocol (0-based). */
  index: number;
  /** Position of the stage (0-based). */
  stageIndex: number;
}

/** Every step of the protocol, stage by stage, in order. */
export function flattenSteps(p: Protocol): FlatStep[] {
  const out: FlatStep[] = [];
  p.stages.forEach((stage, stageIndex) => {
    for (const step of stage.steps) out.push({ stage, step, index: out.length, stageIndex });
  });
  return out;
}

/** The id of the step holding `itemId`, or null. */
export function stepOfItem(p: Protocol, itemId: string): string | null {
  for (const stage of p.stages) for (const step of stage.steps) if (step.items.some((i) => i.id === itemId)) return step.id;
  return null;
}

export function answersById(answers: readonly Answer[]): Map<string, Answer> {
  return new Map(answers.map((a) => [a.itemId, a]));
}

/** Something was answered (the backend's rule: a value or at least one value). */
export function isGiven(a: Pick<AnswerInput, 'value' | 'values'> | undefined | null): boolean {
  return !!a && (a.value.trim() !== '' || a.values.length > 0);
}

export function emptyAnswer(): AnswerInput {
  return { value: '', values: [], note: '' };
}

export function inputOf(a: Answer | undefined): AnswerInput {
  return a ? { value: a.value, values: [...a.values], note: a.note } : emptyAnswer();
}

export function sameAnswer(a: AnswerInput, b: AnswerInput): boolean {
  return a.value === b.value && a.note === b.note && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
}

export type StepState = 'done' | 'requiredOpen' | 'open' | 'empty';

/** How far a step is: all answered, a required item open, something else open, or no items. */
export function stepState(step: ProtocolStep, answers: Map<string, Answer>): StepState {
  if (step.items.length === 0) return 'empty';
  let open = false;
  for (const item of step.items) {
    if (isGiven(answers.get(item.id))) continue;
    if (item.requirement === 'required') return 'requiredOpen';
    open = true;
  }
  return open ? 'open' : 'done';
}

/** Radio buttons for a few options, a drop-down for many. */
export function choiceAsRadios(item: ProtocolItem): boolean {
  return item.options.length <= 5;
}

// A protocol item says which kind of record its action creates, not which
// kind of order, process or referral: these guess a starting value for the
// form from the item's own words. The officer can change it.

function words(item: ProtocolItem): string {
  return `${item.id} ${item.text}`.toLowerCase();
}

export function guessOrderKind(item: ProtocolItem): OrderKind {
  const w = words(item);
  if (w.includes('emergency')) return 'emergency';
  if (w.includes('criminal') || w.includes('bail') || w.includes('no-contact')) return 'criminal';
  if (w.includes('civil')) return 'civil';
  return 'temporary';
}

export function guessLegalKind(item: ProtocolItem): LegalKind {
  const w = words(item);
  if (w.includes('preserv')) return 'preservation';
  if (w.includes('subpoena')) return 'subpoena';
  if (w.includes('warrant')) return 'warrant';
  if (w.includes('court')) return 'courtOrder';
  return 'preservation';
}

export function guessPlanKind(item: ProtocolItem): PlanKind {
  const w = words(item);
  if (w.includes('mental')) return 'mentalHealth';
  if (w.includes('social')) return 'socialWorker';
  if (w.includes('prosecutor')) return 'prosecutorConsult';
  if (w.includes('warning')) return 'warning';
  if (w.includes('monitor')) return 'monitoring';
  if (w.includes('order')) return 'protectiveOrder';
  return 'advocate';
}
