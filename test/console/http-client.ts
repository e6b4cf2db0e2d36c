// A browser-like client for console tests without a browser: cookies kept, redirects not followed (the
// tests read them), forms posted urlencoded, the CSRF field read from the last page.

interface PageResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface ConsoleClient {
  get(path: string): Promise<PageResponse>;
  post(path: string, fields: Record<string, string>): Promise<PageResponse>;
  /** GET /sign-in, then POST the token with that form's CSRF field; the session cookie is kept. */
  signIn(token: string): Promise<PageResponse>;
}

export function consoleClient(baseUrl: string): ConsoleClient {
  const cookies = new Map<string, string>();
  const send = async (path: string, init: RequestInit = {}): Promise<PageResponse> => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(new URL(path, baseUrl), {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/Max-Age=0/.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return {
      status: response.status,
      headers: response.headers,
      text: await response.text(),
    };
  };
  const client: ConsoleClient = {
    get: (path) => send(path),
    post: (path, fields) =>
      send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    async signIn(token) {
      const form = await client.get('/sign-in');
      return client.post('/sign-in', {
        csrf: csrfOf(form.text),
        token,
        next: '/',
      });
    },
  };
  return client;
}

export function csrfOf(page: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error('no CSRF field on the page');
  return match[1];
}
