import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { Router, RouterOutlet } from '@angular/router';
import { AuthService } from './core/auth/auth.service';
import { RuntimeConfigService } from './core/config/runtime-config.service';
import { ThemeService } from './shared/theme/theme.service';

/** The shell: a broken config.json is explained here; otherwise the routes, and "signed out" sends to the sign-in page. */
@Component({
  selector: 'tp-root',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (configError(); as error) {
      <main class="fatal" role="alert">
        <h1>TrailPulse cannot start</h1>
        <p>{{ error }}</p>
      </main>
    } @else {
      <router-outlet />
    }
  `,
  styles: `.fatal { max-width: 40rem; margin: 10vh auto; padding: 1rem; }`,
})
export class AppComponent {
  protected readonly configError = inject(RuntimeConfigService).loadError;

  constructor() {
    inject(ThemeService);
    const auth = inject(AuthService);
    const router = inject(Router);
    effect(() => {
      if (auth.signedOut() && !router.url.startsWith('/login')) void router.navigateByUrl('/login');
    });
  }
}
