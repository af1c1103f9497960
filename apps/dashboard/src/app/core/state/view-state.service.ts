import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter, map } from 'rxjs';
import { parseViewState, sameViewState, viewStateToQueryParams, type QueryParams, type ViewState } from './view-state';

/**
 * The URL is the single source of the view state (range + filters): a copied link opens the same
 * view, and back/forward walk through the views.
 */
@Injectable({ providedIn: 'root' })
export class ViewStateService {
  private readonly router = inject(Router);

  private readonly queryParams = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.routerState.snapshot.root.queryParams as QueryParams),
    ),
    { initialValue: this.router.routerState.snapshot.root.queryParams as QueryParams },
  );

  private readonly parsed = computed(() => parseViewState(this.queryParams()));
  readonly state = computed(() => this.parsed().state, { equal: sameViewState });
  /** URL parameters that were ignored, with the reason. */
  readonly problems = computed(() => this.parsed().problems);

  /** Navigates to the state with `patch` applied; other query parameters stay. */
  async update(patch: Partial<ViewState>): Promise<void> {
    await this.set({ ...this.state(), ...patch });
  }

  /** Navigates to exactly `next` (an absent errorClass is removed from the URL). */
  async set(next: ViewState): Promise<void> {
    await this.router.navigate([], { queryParams: viewStateToQueryParams(next), queryParamsHandling: 'merge' });
  }
}
