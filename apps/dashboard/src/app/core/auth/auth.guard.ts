import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** The dashboard needs a session; without one, the sign-in page. */
export const signedInGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  return auth.signedOut() ? inject(Router).createUrlTree(['/login']) : true;
};
