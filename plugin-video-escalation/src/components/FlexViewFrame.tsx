import { Box } from '@twilio-paste/core/box';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { Stack } from '@twilio-paste/core/stack';
import React from 'react';

/**
 * The frame of the plugin's Flex views, in Paste, Flex 2.x's own design system: Flex's theme
 * tokens (light or dark, and an account's overrides), spacing and type reach it through the
 * CustomizationProvider the plugin hands Flex (register.ts), so the view looks like Flex's own
 * and our stylesheet stays out of Flex. The shared component (src/ui) sits inside the card.
 */
export function FlexViewFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box height="100%" width="100%" overflowY="auto" backgroundColor="colorBackgroundBody" padding="space60" data-testid="flex-view-frame">
      <Stack orientation="vertical" spacing="space60">
        <Heading as="h1" variant="heading30" marginBottom="space0">
          {title}
        </Heading>
        <Card padding="space60">{children}</Card>
      </Stack>
    </Box>
  );
}
