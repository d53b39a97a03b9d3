import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CaseSummary } from '../../ipc/commands';
import { CaseList } from '../CaseList';

const now = new Date('2024-06-15T12:00:00Z');
const cases: CaseSummary[] = [
  { caseId: 'a', number: '2024-0001', title: 'First', status: 'active', readOnly: false, lastActivity: '2024-06-15T11:00:00Z' },
  { caseId: 'b', number: '2024-0002', title: 'Second', status: 'referred', readOnly: true, lastActivity: '2024-06-10T11:00:00Z' },
  { caseId: 'c', number: '2024-0003', title: 'Third', status: 'closed', readOnly: false, lastActivity: '2024-01-10T11:00:00Z' },
];

const buttonOf = (n: string) =>
  document.querySelector<HTMLElement>(`#case-list [data-case-number="${n}"] button`)!;

describe('CaseList', () => {
  it('renders each case with number, title, status text and the review copy badge', () => {
    render(<CaseList cases={cases} openNumber={null} onOpen={vi.fn()} now={now} />);
    const items = document.querySelectorAll('#case-list li[data-case-number]');
    expect([...items].map((li) => li.getAttribute('data-case-number'))).toEqual(['2024-0001', '2024-0002', '2024-0003']);
    expect(buttonOf('2024-0002')).toHaveTextContent('Second');
    expect(buttonOf('2024-0002')).toHaveTextContent('Referred');
    expect(buttonOf('2024-0002')).toHaveTextContent('Review copy');
    expect(buttonOf('2024-0001')).not.toHaveTextContent('Review copy');
    expect(buttonOf('2024-0001')).toHaveTextContent('1 hour ago');
  });

  it('has one tab stop and moves with arrows, Home and End; Enter opens', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<CaseList cases={cases} openNumber={null} onOpen={onOpen} now={now} />);

    expect(document.querySelectorAll('#case-list button[tabindex="0"]')).toHaveLength(1);
    await user.tab();
    expect(buttonOf('2024-0001')).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    expect(buttonOf('2024-0002')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(buttonOf('2024-0003')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(buttonOf('2024-0001')).toHaveFocus();
    await user.keyboard('{End}');
    expect(buttonOf('2024-0003')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(buttonOf('2024-0002')).toHaveFocus();
    expect(buttonOf('2024-0002')).toHaveAttribute('tabindex', '0');
    expect(buttonOf('2024-0001')).toHaveAttribute('tabindex', '-1');

    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith('2024-0002');
  });

  it('opens on click and marks the open case', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const { rerender } = render(<CaseList cases={cases} openNumber={null} onOpen={onOpen} now={now} />);
    await user.click(screen.getByText('Third'));
    expect(onOpen).toHaveBeenCalledWith('2024-0003');
    rerender(<CaseList cases={cases} openNumber="2024-0003" onOpen={onOpen} now={now} />);
    expect(buttonOf('2024-0003')).toHaveAttribute('aria-current', 'true');
    expect(buttonOf('2024-0003')).toHaveAttribute('tabindex', '0');
  });
});
