import { InjectionToken } from '@angular/core';

export interface ClipboardPort {
  writeText(text: string): Promise<void>;
}

export const CLIPBOARD = new InjectionToken<ClipboardPort>('CLIPBOARD', {
  providedIn: 'root',
  factory: () => ({ writeText: (text: string) => navigator.clipboard.writeText(text) }),
});
