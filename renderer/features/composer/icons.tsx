import type { ReactNode } from 'react';

/**
 * Stroke icons drawn inline: the fonts on a bare Linux install have no glyphs for the
 * emoji and arrows a toolbar would otherwise use, so they showed as empty boxes.
 * Drawn on a 24-unit grid, shown at 16px in the text colour; always decorative
 * (the button around an icon carries the accessible name).
 */
function Icon(props: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {props.children}
    </svg>
  );
}

const FILE_OUTLINE = 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z';
const FILE_FOLD = 'M14 2v6h6';

export const BoldIcon = () => (
  <Icon>
    <path d="M7 4h6a4 4 0 0 1 0 8H7z" />
    <path d="M7 12h7.5a4 4 0 0 1 0 8H7z" />
  </Icon>
);

export const ItalicIcon = () => (
  <Icon>
    <path d="M19 4h-9M14 20H5M15 4 9 20" />
  </Icon>
);

export const UnderlineIcon = () => (
  <Icon>
    <path d="M6 4v6a6 6 0 0 0 12 0V4M4 20h16" />
  </Icon>
);

export const StrikeIcon = () => (
  <Icon>
    <path d="M16 4H9.5a3.5 3.5 0 0 0-2.9 5.5M14 12a4 4 0 0 1 0 8H6M4 12h16" />
  </Icon>
);

export const CodeIcon = () => (
  <Icon>
    <path d="m16 18 6-6-6-6M8 6l-6 6 6 6" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </Icon>
);

export const Heading1Icon = () => (
  <Icon>
    <path d="M4 12h8M4 18V6M12 18V6M17 12l3-2v8" />
  </Icon>
);

export const Heading2Icon = () => (
  <Icon>
    <path d="M4 12h8M4 18V6M12 18V6M21 18h-4c0-4 4-3 4-6 0-1.5-2-2.5-4-1" />
  </Icon>
);

export const BulletListIcon = () => (
  <Icon>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <circle cx="4.5" cy="6" r="1" fill="currentColor" />
    <circle cx="4.5" cy="12" r="1" fill="currentColor" />
    <circle cx="4.5" cy="18" r="1" fill="currentColor" />
  </Icon>
);

export const OrderedListIcon = () => (
  <Icon>
    <path d="M10 6h11M10 12h11M10 18h11M4 4h1v5M4 9h2M6 19H4c0-1 2-2 2-3s-1-1.5-2-1" />
  </Icon>
);

export const QuoteIcon = () => (
  <Icon>
    <path d="M17 6H3M21 12H8M21 18H8M3 12v6" />
  </Icon>
);

export const CodeBlockIcon = () => (
  <Icon>
    <rect x="3" y="3" width="18" height="18" rx="2" />
    <path d="m10 9-3 3 3 3M14 15l3-3-3-3" />
  </Icon>
);

export const RuleIcon = () => (
  <Icon>
    <path d="M3 12h18M8 7l4-3 4 3M16 17l-4 3-4-3" />
  </Icon>
);

export const AlignLeftIcon = () => (
  <Icon>
    <path d="M21 6H3M15 12H3M17 18H3" />
  </Icon>
);

export const AlignCenterIcon = () => (
  <Icon>
    <path d="M21 6H3M17 12H7M19 18H5" />
  </Icon>
);

export const AlignRightIcon = () => (
  <Icon>
    <path d="M21 6H3M21 12H9M21 18H7" />
  </Icon>
);

export const ClearFormattingIcon = () => (
  <Icon>
    <path d="M4 7V4h16v3M5 20h6M13 4 8 20M15 15l5 5M20 15l-5 5" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="m15 14 5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon>
    <path d="M18 6 6 18M6 6l12 12" />
  </Icon>
);

export const ImageFileIcon = () => (
  <Icon>
    <rect x="3" y="3" width="18" height="18" rx="2" />
    <circle cx="9" cy="9" r="2" />
    <path d="m21 15-3-3a2 2 0 0 0-3 0l-9 9" />
  </Icon>
);

export const PdfFileIcon = () => (
  <Icon>
    <path d={FILE_OUTLINE} />
    <path d={FILE_FOLD} />
    <path d="M8 17v-4h1.5a1.3 1.3 0 0 1 0 2.6H8" />
    <path d="M13 13v4h1a2 2 0 0 0 0-4z" />
  </Icon>
);

export const TextFileIcon = () => (
  <Icon>
    <path d={FILE_OUTLINE} />
    <path d={FILE_FOLD} />
    <path d="M16 13H8M16 17H8M10 9H8" />
  </Icon>
);

export const ArchiveFileIcon = () => (
  <Icon>
    <path d={FILE_OUTLINE} />
    <path d={FILE_FOLD} />
    <path d="M10 4h0M10 8h0M10 12h0" />
    <rect x="8.5" y="14" width="3" height="4" rx="1" />
  </Icon>
);

export const SheetFileIcon = () => (
  <Icon>
    <path d={FILE_OUTLINE} />
    <path d={FILE_FOLD} />
    <path d="M8 13h8v5H8zM12 13v5M8 15.5h8" />
  </Icon>
);

export const GenericFileIcon = () => (
  <Icon>
    <path d={FILE_OUTLINE} />
    <path d={FILE_FOLD} />
  </Icon>
);

/** The icon for an attachment of this MIME type. */
export function FileTypeIcon(props: { mimeType: string }) {
  const type = props.mimeType.toLowerCase();
  if (type.startsWith('image/')) return <ImageFileIcon />;
  if (type === 'application/pdf') return <PdfFileIcon />;
  if (/sheet|excel|csv/.test(type)) return <SheetFileIcon />;
  if (/zip|compressed|tar|gzip|7z|rar/.test(type)) return <ArchiveFileIcon />;
  if (type.startsWith('text/') || /json|xml|word|document|rtf/.test(type)) return <TextFileIcon />;
  return <GenericFileIcon />;
}

/** A page with lines: insert a template or snippet. */
export const TemplateIcon = () => (
  <Icon>
    <path d={FILE_OUTLINE} />
    <path d={FILE_FOLD} />
    <path d="M8 13h8M8 17h5" />
  </Icon>
);

/** A page with a plus: save the message as a template. */
export const SaveTemplateIcon = () => (
  <Icon>
    <path d={FILE_OUTLINE} />
    <path d={FILE_FOLD} />
    <path d="M12 12v6M9 15h6" />
  </Icon>
);
