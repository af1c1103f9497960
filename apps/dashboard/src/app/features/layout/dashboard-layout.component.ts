import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { RuntimeConfigService } from '../../core/config/runtime-config.service';
import { WindowsStore } from '../../core/state/windows-store';
import { ThemeService } from '../../shared/theme/theme.service';
import { ConnectionStatusComponent } from './connection-status.component';
import { ViewToolbarComponent } from './view-toolbar.component';

/** The signed-in frame: header (navigation, live state, theme, sign out), the view toolbar, the page. */
@Component({
  selector: 'tp-dashboard-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ConnectionStatusComponent, ViewToolbarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-layout.component.html',
  styleUrl: './dashboard-layout.component.css',
})
export class DashboardLayoutComponent {
  protected readonly store = inject(WindowsStore);
  protected readonly theme = inject(ThemeService);
  protected readonly auth = inject(AuthService);
  protected readonly config = inject(RuntimeConfigService).config;

  protected signOut(): void {
    void this.auth.signOut();
  }
}
