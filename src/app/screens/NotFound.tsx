export function NotFound({ what }: { what: 'page' | 'session' | 'template' | 'kind' }) {
  const text = {
    page: 'There is no page at this address.',
    session:
      'No session with this id is stored in this browser. It may have been deleted, or saved in another browser.',
    template: 'There is no round template with this id.',
    kind: 'There is no round kind with this name.',
  }[what];
  return (
    <section>
      <h1 tabIndex={-1}>Not found</h1>
      <p>{text}</p>
      <p>
        <a className="button primary" href="#/">
          Go home
        </a>{' '}
        <a className="button" href="#/history">
          See history
        </a>
      </p>
    </section>
  );
}
