import type { ReactNode } from 'react';
import { Section, Text } from 'react-email';
import { type CalloutTextOptions, type CalloutTone, callout, calloutText } from './theme';

export interface CalloutProps extends CalloutTextOptions {
  tone: CalloutTone;
  children: ReactNode;
}

/** A highlighted message: one paragraph in a soft box with a coloured bar on the left. */
export function Callout({ tone, bold, compact, children }: CalloutProps) {
  return (
    <Section style={callout(tone)}>
      <Text style={calloutText(tone, { bold, compact })}>{children}</Text>
    </Section>
  );
}
