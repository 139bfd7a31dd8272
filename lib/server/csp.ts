/**
 * The page CSP. Scripts run only with this request's nonce ('strict-dynamic' lets Next's nonce'd
 * loader pull its chunks); no 'unsafe-eval' outside development. Style elements need the nonce too;
 * style *attributes* are allowed because React renders `style={{ width }}` (progress bars) into HTML
 * and an injected style attribute cannot run code.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Next's dev server injects un-nonced style elements for hot reload.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
