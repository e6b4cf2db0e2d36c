// Secrets at rest: values are encrypted (AES-256-GCM) and only ever leave the store to the runtime's
// host side. Names are listed, values never are.

export interface SecretSummary {
  name: string;
  updatedAt: string;
}

export interface SecretStore {
  set(name: string, value: string): void;
  get(name: string): string | undefined;
  list(): SecretSummary[];
  delete(name: string): boolean;
}
