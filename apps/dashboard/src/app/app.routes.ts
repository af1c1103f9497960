import { type Routes } from '@angular/router';
import { signedInGuard } from './core/auth/auth.guard';

/** Everything but the shell is loaded lazily: the dashboard (with its data layer and charts) and the sign-in page. */
export const routes: Routes = [
  { path: 'login', loadComponent: () => import('./features/login/login-page.component').then((m) => m.LoginPageComponent), title: 'Sign in · TrailPulse' },
  { path: '', canMatch: [signedInGuard], loadChildren: () => import('./features/dashboard.routes').then((m) => m.dashboardRoutes) },
  { path: '**', redirectTo: '' },
];
