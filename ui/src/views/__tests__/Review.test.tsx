import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../ipc/commands', async (importOriginal) =>
  (await import('../../test/commandsMock')).autoMockCommands(await importOriginal()),
);

import * as commands from '../../ipc/commands';
import { ReviewNotesContext, ReviewNotesFor } from '../../components/ReviewNotes';
import { applied, checklist, packetReview } from '../../test/reviewFixtures';
import { CaseReviewsBar } from '../CaseReviewsBar';
import { PacketReviewView } from '../PacketReviewView';

const m = vi.mocked(commands);
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const explain = (e: unknown) => commands.asCommandError(e).message;

describe('Packet review', () => {
  beforeEach(() => {
    m.reviewChecklist.mockResolvedValue(checklist);
  });

  it('says an unknown signer is not trusted, shows the fingerprint in groups and trusts it once typed', async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    const trusted = packetReview({
      trust: { ...packetReview().trust, state: 'trusted', message: 'Signed by Dana Reyes, a signer this workspace trusts.' },
      approvable: true,
      blockers: [],
    });
    m.reviewTrustSigner.mockResolvedValue(trusted);
    render(<PacketReviewView review={packetReview()} version={1} onReviewChanged={onChanged} onClose={vi.fn()} explain={explain} />);
    expect(byId('review-verdict')).toHaveTextContent('Intact, but the signer is not trusted yet');
    expect(byId('signer-fingerprint').querySelectorAll('span')).toHaveLength(16);
    expect(byId<HTMLButtonElement>('approve-packet')).toBeDisabled();
    expect(byId('approve-blockers')).toHaveTextContent('not trusted yet');
    await user.type(byId('heard-fingerprint'), '3FA9 C0D1 E2B3 4F5A');
    await user.click(byId('trust-signer'));
    expect(m.reviewTrustSigner).toHaveBeenCalledWith('3FA9 C0D1 E2B3 4F5A');
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(trusted));
  });

  it('flags a different key for a known name loudly', () => {
    const r = packetReview({ trust: { ...packetReview().trust, state: 'conflict', message: 'WARNING: signed with a different key' } });
    render(<PacketReviewView review={r} version={1} onReviewChanged={vi.fn()} onClose={vi.fn()} explain={explain} />);
    expect(byId('review-verdict')).toHaveClass('banner-danger');
    expect(byId('review-verdict')).toHaveAttribute('role', 'alert');
    expect(screen.getByText('A new key for a known name')).toBeInTheDocument();
  });

  it('returns with the comments and checklist answers given, and says where the signed review went', async () => {
    const user = userEvent.setup();
    m.reviewDecide.mockResolvedValue({
      path: '/home/sam/RV-1-returned.json',
      sha256: '9'.repeat(64),
      review: { ...applied().review },
    });
    const r = packetReview({ trust: { ...packetReview().trust, state: 'trusted' }, approvable: true, blockers: [] });
    render(<PacketReviewView review={r} version={1} onReviewChanged={vi.fn()} onClose={vi.fn()} explain={explain} />);
    await screen.findByText('Every element is supported');
    await user.click(screen.getAllByLabelText('No')[0] as HTMLElement);
    // The core refuses an approval with a "No" answer; its words are shown.
    m.reviewDecide.mockRejectedValueOnce({
      kind: 'reviewRefused',
      message: '“Every element is supported” is answered no: return the packet, or change the answer.',
    });
    await user.click(byId('approve-packet'));
    await waitFor(() => expect(byId('decide-error')).toHaveTextContent('is answered no: return the packet'));
    await user.type(byId('comment-text'), 'The summary misses the order violation');
    await user.click(byId('add-comment'));
    expect(byId('review-comments')).toHaveTextContent('Whole packet');
    await user.selectOptions(byId('comment-anchor'), 'thisPage');
    await user.type(byId('comment-text'), 'Cover lacks the charges');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(byId('review-comments').querySelectorAll('li')).toHaveLength(2);
    await user.click(byId('return-packet'));
    expect(m.reviewDecide).toHaveBeenCalledWith({
      decision: 'return',
      summary: '',
      comments: [
        { anchor: null, text: 'The summary misses the order violation' },
        { anchor: { kind: 'page', target: '1', label: 'Page 1' }, text: 'Cover lacks the charges' },
      ],
      checklist: [{ id: 'elements', answer: 'no', note: '' }],
    });
    expect(await screen.findByText('/home/sam/RV-1-returned.json')).toBeInTheDocument();
  });
});

describe('A returned review on the investigator side', () => {
  it('counts the open points and ticks one off', async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    m.tickReviewPoint.mockResolvedValue([applied(['1'])]);
    render(<CaseReviewsBar number="RV-1" reviews={[applied()]} readOnly={false} onChanged={onChanged} explain={explain} />);
    expect(byId('case-review-banner')).toHaveTextContent('Returned: 2 points to address');
    await user.click(document.querySelector('input[data-point="1"]') as HTMLInputElement);
    expect(m.tickReviewPoint).toHaveBeenCalledWith('RV-1', 'r1', '1', true);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('shows a comment on the record it names, struck through once addressed', () => {
    const { rerender } = render(
      <ReviewNotesContext.Provider value={[applied()]}>
        <ReviewNotesFor kind="exhibit" targets={['EX-1', 'x1']} />
        <ReviewNotesFor kind="exhibit" targets={['EX-2']} />
      </ReviewNotesContext.Provider>,
    );
    const notes = screen.getAllByTestId('review-notes');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toHaveTextContent('Sam Ortiz (returned), point 1: Record where it is stored');
    rerender(
      <ReviewNotesContext.Provider value={[applied(['1'])]}>
        <ReviewNotesFor kind="exhibit" targets={['EX-1']} />
      </ReviewNotesContext.Provider>,
    );
    expect(screen.getByTestId('review-notes').querySelector('.review-note')).toHaveClass('done');
  });
});
