import { type HttpInterceptorFn, HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { RuntimeConfigService } from '../config/runtime-config.service';
import { AuthService } from './auth.service';

/** Adds the bearer (when there is one) to API calls, sends the session cookie, and turns a 401 into "signed out". */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const apiBaseUrl = inject(RuntimeConfigService).config.apiBaseUrl;
  if (!request.url.startsWith(`${apiBaseUrl}/api/`)) return next(request);
  const token = auth.accessToken();
  const authorized = request.clone({
    withCredentials: true,
    ...(token === null ? {} : { setHeaders: { Authorization: `Bearer ${token}` } }),
  });
  return next(authorized).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401) auth.markUnauthorized();
      return throwError(() => error);
    }),
  );
};
