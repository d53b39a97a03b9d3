import type { ReactNode } from 'react';

export type BannerTone = 'info' | 'success' | 'warning' | 'danger';

interface BannerProps {
  tone: BannerTone;
  children: ReactNode;
  id?: string;
  title?: string;
  onDismiss?: () => void;
  /** Extra buttons shown at the end of the banner. */
  actions?: ReactNode;
  /** Use role="alert" (interrupting) instead of role="status". */
  urgent?: boolean;
}

const TONE_TEXT: Record<BannerTone, string> = {
  info: 'Information',
  success: 'Done',
  warning: 'Warning',
  danger: 'Problem',
};

export function Banner({ tone, children, id, title, onDismiss, actions, urgent = false }: BannerProps) {
  return (
    <div id={id} className={`banner banner-${tone}`} role={urgent ? 'alert' : 'status'}>
      <span className="banner-icon" aria-hidden="true">
        {tone === 'success' ? '✓' : tone === 'info' ? 'i' : '!'}
      </span>
      <div className="banner-content">
        <span className="visually-hidden">{TONE_TEXT[tone]}: </span>
        {title ? <strong className="banner-title">{title}</strong> : null}
        <div>{children}</div>
      </div>
      {actions ? <div className="banner-actions">{actions}</div> : null}
      {onDismiss ? (
        <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
    </div>
  );
}
