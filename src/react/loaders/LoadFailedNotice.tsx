/** What a lazy component shows when its code failed to load: what happened, and Retry. */
export function LoadFailedNotice(props: { title: string; retry: string; onRetry: () => void }) {
  return (
    <div data-rvc-overlay="" data-state="error" data-kind="error">
      <div data-rvc-overlay-card="" role="alert">
        <p data-rvc-overlay-title="">{props.title}</p>
        <div data-rvc-actions="">
          <button type="button" data-rvc-button="" data-variant="primary" onClick={props.onRetry}>
            {props.retry}
          </button>
        </div>
      </div>
    </div>
  )
}
