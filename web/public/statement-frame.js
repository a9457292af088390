// Runs inside the Billing Statement's sandboxed frame in the app (web/src/ui/StatementFrame.tsx),
// never in the statement itself (emails and print have no script): it tells the app how tall the
// statement is, so the frame fits it and the page, not the frame, scrolls.
(() => {
  const tell = () =>
    window.parent.postMessage(
      { statementHeight: Math.ceil(document.body.getBoundingClientRect().height) },
      '*',
    );
  new ResizeObserver(tell).observe(document.body);
  window.addEventListener('load', tell);
})();
