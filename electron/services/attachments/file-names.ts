import path from 'node:path';

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ics': 'text/calendar',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.eml': 'message/rfc822',
};

/** The MIME type vendors expect for a file name; unknown types go as bytes. */
export function mimeTypeFor(filename: string): string {
  return TYPES[path.extname(filename).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A file name safe to show and to send: no folders, no control characters, at most 255
 * characters with the extension kept. A renderer-supplied name never becomes a path here;
 * the copy on disk is named by its token.
 */
export function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const usable = base === '' || base === '.' || base === '..' ? 'attachment' : base;
  if (usable.length <= 255) return usable;
  const ext = path.extname(usable).slice(0, 20);
  return usable.slice(0, 255 - ext.length) + ext;
}
