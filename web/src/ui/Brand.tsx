/** The Oxygen.id wordmark, as the emails show it (emails/_components/EmailLayout.tsx). */
export function Brand() {
  return (
    <span className="wordmark">
      Oxygen<span className="wordmark-accent">.id</span>
    </span>
  );
}
