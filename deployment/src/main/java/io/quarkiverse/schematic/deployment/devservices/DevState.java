package io.quarkiverse.schematic.deployment.devservices;

/**
 * Everything the dev service knows: flag values, stored companies and users, and the traffic it answered. Shared by
 * the API handler (which changes it) and the admin handler (which shows it).
 */
record DevState(DevFlags flags, DevEntities companies, DevEntities users, DevActivity activity) {
}
