/** What "New metric" starts from: a valid definition in the language of examples/custom-metrics. */
export const NEW_METRIC_TEMPLATE = {
  title: 'Access denied by principal',
  description: 'Calls refused for lack of permission, per identity.',
  filter: { field: '$errorClass', equals: 'access-denied' },
  measure: { topK: { by: '$identity', k: 10 } },
};
