import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { type CustomMetricDefinition, type Problem } from '@trailpulse/api-contract';
import { ApiError, adviceFor } from '../../core/api/api-error';
import { CustomMetricsStore } from '../../core/state/custom-metrics-store';
import { NEW_METRIC_TEMPLATE } from './definition-template';

/** The API's definition minus its id (the id is edited in its own field and sent in the path). */
function editableJson(definition: CustomMetricDefinition): string {
  const { id: _id, ...rest } = definition;
  return JSON.stringify(rest, null, 2);
}

/** Lists the custom metrics and edits one as JSON; the API validates and its problems show next to the editor. */
@Component({
  selector: 'tp-custom-metrics-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './custom-metrics-page.component.html',
  styleUrl: './custom-metrics-page.component.css',
})
export class CustomMetricsPageComponent {
  protected readonly store = inject(CustomMetricsStore);

  protected readonly editing = signal<{ readonly id: string; readonly isNew: boolean } | null>(null);
  protected readonly id = signal('');
  protected readonly text = signal('');
  protected readonly saving = signal(false);
  protected readonly problems = signal<readonly Problem[]>([]);
  protected readonly errorMessage = signal('');
  protected readonly savedMessage = signal('');

  protected readonly loadError = computed(() => {
    const error = this.store.error();
    return error === null ? '' : `${error instanceof Error ? error.message : String(error)}. ${adviceFor(error)}`;
  });

  protected edit(definition: CustomMetricDefinition): void {
    this.open(definition.id, false, editableJson(definition));
  }

  protected create(): void {
    this.open('', true, JSON.stringify(NEW_METRIC_TEMPLATE, null, 2));
  }

  private open(id: string, isNew: boolean, text: string): void {
    this.editing.set({ id, isNew });
    this.id.set(id);
    this.text.set(text);
    this.problems.set([]);
    this.errorMessage.set('');
    this.savedMessage.set('');
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.problems.set([]);
    this.errorMessage.set('');
    this.savedMessage.set('');
    const id = this.id().trim();
    if (id === '') {
      this.errorMessage.set('Give the metric an id: a lower-case slug such as "root-activity".');
      return;
    }
    let definition: unknown;
    try {
      definition = JSON.parse(this.text());
    } catch (error) {
      this.errorMessage.set(`The definition is not valid JSON: ${error instanceof Error ? error.message : String(error)}. Fix it, then save again.`);
      return;
    }
    this.saving.set(true);
    try {
      const { created } = await this.store.save(id, definition);
      this.editing.set({ id, isNew: false });
      this.savedMessage.set(created ? `Created "${id}". Its widget is on the overview from the next window on.` : `Saved "${id}".`);
    } catch (error) {
      if (error instanceof ApiError && error.problems.length > 0) {
        this.errorMessage.set(`The API refused the definition: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} to fix.`);
        this.problems.set(error.problems);
      } else {
        this.errorMessage.set(`${error instanceof Error ? error.message : String(error)}. ${adviceFor(error)}`);
      }
    } finally {
      this.saving.set(false);
    }
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected onText(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected onId(event: Event): void {
    this.id.set((event.target as HTMLInputElement).value);
  }

  protected measureOf(definition: CustomMetricDefinition): string {
    return Object.keys(definition.measure)[0] ?? '';
  }
}
