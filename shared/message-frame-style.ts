/** The base stylesheet of the frame a sent message is shown in (before the message's own styles). */
export const MESSAGE_FRAME_STYLE =
  'html{color-scheme:light}body{margin:0;padding:14px 16px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1c2430;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:8px 0;padding-left:12px;border-left:3px solid #d5dbe3;color:#4a5563}p{margin:0 0 10px}';
