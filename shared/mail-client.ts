import { z } from 'zod';

/**
 * Whether Composer is the system's default mail client, for the setting that offers to make
 * it one. The wording is the platform's own (macOS says "default email reader", Windows
 * sends people to Settings, Linux desktops say "mail client").
 */
export const mailClientStatusSchema = z.object({
  /** False where the app cannot register itself (the browser harness). */
  available: z.boolean(),
  isDefault: z.boolean(),
  /** The button's label; empty when there is nothing to do. */
  actionLabel: z.string(),
  /** One sentence beside it: where things stand and what the button will do. */
  explanation: z.string(),
});
export type MailClientStatus = z.infer<typeof mailClientStatusSchema>;
