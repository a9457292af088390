import { technicianRefusalInWords } from '../lib/refusals';
import { ErrorNotice } from '../ui/Page';

/** What is wrong with a technician's report: the form's own check (`invalid`), then the API's refusal. */
export function ReportProblems({ invalid, error }: { invalid: string | null; error: Error | null }) {
  return (
    <>
      {invalid ? (
        <p className="notice notice-error" role="alert">
          {invalid}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} inWords={technicianRefusalInWords} /> : null}
    </>
  );
}
