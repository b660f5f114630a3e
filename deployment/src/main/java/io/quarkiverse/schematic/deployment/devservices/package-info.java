/**
 * The Schematic dev service: its build step, its build-time configuration ({@code quarkus.schematic.devservices.*})
 * and the in-process HTTP server that stands in for Schematic in dev and test mode. Not for users: they configure it
 * through the properties.
 */
package io.quarkiverse.schematic.deployment.devservices;
