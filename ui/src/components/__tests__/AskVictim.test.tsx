import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AskVictim } from '../AskVictim';

describe('AskVictim', () => {
  it('shows the scripted answer only once the trainee asks', async () => {
    const user = userEvent.setup();
    render(<AskVictim answer={{ item: 'victimSafeNow', says: 'I am at my sister’s now.', value: 'yes', values: [] }} />);
    expect(screen.queryByText(/sister/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Ask the victim/ }));
    expect(screen.getByRole('status')).toHaveTextContent('The victim says: “I am at my sister’s now.”');
  });

  it('offers nothing where the story has no answer', () => {
    const { container } = render(<AskVictim answer={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});
