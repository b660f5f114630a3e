package io.quarkiverse.schematic.deployment.devservices;

/**
 * Everything the dev service knows: flag values, stored companies and users, the traffic it answered, the usage of
 * metered features and the idempotency keys of the events it took. Shared by the API handler (which changes it) and
 * the admin handler (which shows it).
 */
record DevState(DevFlags flags, DevEntities companies, DevEntities users, DevActivity activity, DevMeter meter,
        DevIdempotencyKeys idempotencyKeys) {
}
