import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { ConfirmDialog } from './Dialog';

afterEach(cleanup);

describe('ConfirmDialog', () => {
  it('focuses Keep, traps Tab inside and closes on Escape', () => {
    const onClose = vi.fn();
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog title="Cancel workflow?" onClose={onClose} onConfirm={onConfirm}>
        It stops.
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Cancel workflow?' });
    const keep = screen.getByRole('button', { name: 'Keep' });
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    expect(document.activeElement).toBe(keep);
    confirm.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(keep);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
