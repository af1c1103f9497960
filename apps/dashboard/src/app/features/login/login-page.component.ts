import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';

/** Sign-in: paste the local runtime's token, or go to the organization's Cognito Hosted UI. */
@Component({
  selector: 'tp-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.component.html',
  styleUrl: './login-page.component.css',
})
export class LoginPageComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly kind = this.auth.kind;
  protected readonly message = computed(() => this.auth.state().message ?? '');
  protected readonly busy = signal(false);

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    try {
      const token = String(new FormData(event.target as HTMLFormElement).get('token') ?? '');
      const state = await this.auth.signIn(this.kind() === 'local-token' ? token : undefined);
      if (state.status === 'signed-in') await this.router.navigateByUrl('/overview');
    } finally {
      this.busy.set(false);
    }
  }
}
