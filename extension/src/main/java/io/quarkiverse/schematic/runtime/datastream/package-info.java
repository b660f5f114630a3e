/**
 * Internal: local evaluation over Schematic's DataStream. {@code DataStreamClient} keeps a WebSocket to the
 * DataStream (reconnecting forever), replicates flags, and the companies and users that checks asked for, into bounded
 * caches, and applies the {@code full}, {@code partial} and {@code delete} messages the server pushes;
 * {@code LocalFlagEvaluator} answers checks from them with the public {@code io.quarkiverse.schematic.rules.RulesEngine}
 * and tells Schematic about each answer with a {@code flag_check} event. {@code LocalEvaluation} is the bean that
 * wires them into the flag evaluator, the event sink and CDI.
 */
package io.quarkiverse.schematic.runtime.datastream;
