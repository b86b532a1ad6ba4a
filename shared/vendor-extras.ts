import { z } from 'zod';

/**
 * What a message can carry for its vendor beyond the email itself, where the vendor offers it:
 * the CRM records it is logged to (the CRM gateway's `contact_id`/`deal_id`, Rollout's
 * `personId`/`userId`) and Unipile's open and link tracking.
 */

/** Which CRM records the account's vendor can log a message to. */
export const crmLinkKindSchema = z.enum(['none', 'contact_deal', 'person_user']);
export type CrmLinkKind = z.infer<typeof crmLinkKindSchema>;

const recordId = z.string().trim().min(1).max(200);
export const crmLinksSchema = z
  .object({
    /** CRM gateway: the contact's UUID; the email joins the contact's timeline. */
    contactId: z.uuid().optional(),
    /** CRM gateway: the deal's UUID; the email is logged against the deal. */
    dealId: z.uuid().optional(),
    /** Rollout: the CRM person the email belongs to. */
    personId: recordId.optional(),
    /** Rollout: the CRM user who sent it. */
    userId: recordId.optional(),
  })
  .strict();
export type CrmLinks = z.infer<typeof crmLinksSchema>;

/** Unipile's `tracking_options`: opens (a pixel, approximate) and link clicks (rewritten links). */
export const trackingSchema = z.object({ opens: z.boolean(), links: z.boolean() }).strict();
export type Tracking = z.infer<typeof trackingSchema>;

const typed = z.string().max(200).optional();
/** The "Log to" fields and the tracking switch as the composer holds them, before any check. */
export const typedExtrasSchema = z
  .object({
    crm: z.object({ contactId: typed, dealId: typed, personId: typed, userId: typed }).strict(),
    tracking: z.boolean(),
  })
  .strict();
export type TypedExtras = z.infer<typeof typedExtrasSchema>;
export const NO_EXTRAS: TypedExtras = { crm: {}, tracking: false };

/** What the account's vendor can carry of them. */
export interface ExtrasFit {
  crmLinks: CrmLinkKind;
  tracking: boolean;
}

/** The message's `crm` and `tracking`, from what was typed, as far as the vendor carries them. */
export function extrasFor(extras: TypedExtras, fit: ExtrasFit): { crm?: CrmLinks; tracking?: Tracking } {
  const crm = crmLinksOf(extras.crm, fit.crmLinks);
  return { ...(crm ? { crm } : {}), ...(fit.tracking && extras.tracking ? { tracking: { opens: true, links: true } } : {}) };
}

/** The fields each kind of CRM link offers, with the words the composer labels them by. */
export const CRM_FIELDS: Record<Exclude<CrmLinkKind, 'none'>, { key: keyof CrmLinks; label: string; hint: string }[]> = {
  contact_deal: [
    { key: 'contactId', label: 'Contact ID', hint: 'The contact’s UUID: the email joins the contact’s timeline.' },
    { key: 'dealId', label: 'Deal ID', hint: 'The deal’s UUID: the email is logged against the deal.' },
  ],
  person_user: [
    { key: 'personId', label: 'Person ID', hint: 'The CRM person the email belongs to.' },
    { key: 'userId', label: 'User ID', hint: 'The CRM user who sends it.' },
  ],
};

/** What the person typed, as the message carries it: blanks left out; undefined when nothing is left. */
export function crmLinksOf(typed: Partial<Record<keyof CrmLinks, string>>, kind: CrmLinkKind): CrmLinks | undefined {
  if (kind === 'none') return undefined;
  const links: Record<string, string> = {};
  for (const { key } of CRM_FIELDS[kind]) {
    const value = typed[key]?.trim();
    if (value) links[key] = value;
  }
  return Object.keys(links).length > 0 ? (links as CrmLinks) : undefined;
}

/** A sentence per typed id the vendor will not take (a gateway id that is no UUID), by field. */
export function crmLinkProblems(typed: Partial<Record<keyof CrmLinks, string>>, kind: CrmLinkKind): { key: keyof CrmLinks; message: string }[] {
  if (kind === 'none') return [];
  return CRM_FIELDS[kind].flatMap(({ key, label }) => {
    const value = typed[key]?.trim();
    if (!value) return [];
    const parsed = crmLinksSchema.shape[key].safeParse(value);
    return parsed.success ? [] : [{ key, message: `${label} “${value}” is not an id the CRM takes${kind === 'contact_deal' ? ' (a UUID such as 3b241101-e2bb-4255-8caf-4136c566a962)' : ''}.` }];
  });
}
