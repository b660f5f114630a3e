/**
 * Internal: local evaluation over Schematic's DataStream. {@code DataStreamClient} keeps a WebSocket to the
 * DataStream (reconnecting forever), replicates flags, and the companies and users that checks asked for, into bounded
 * caches, and applies the {@code full}, {@code partial} and {@code delete} messages the server pushes;
 * {@code LocalFlagEvaluator} answers checks from them with the public {@code io.quarkiverse.schematic.rules.RulesEngine}
 * and tells Schematic about each answer with a {@code flag_check} event; a plain check's answer is memoized with the
 * cached company or user ({@code AnswerMemo}, in the store's {@code CachedEntity}) until the flag set or the entity
 * changes. {@code LocalEvaluation} is the bean that
 * wires them into the flag evaluator, the event sink and CDI. With {@code cache.backend=redis} the client tells an
 * {@code EntityMirror} what it stores and removes, and {@code DataStreamWithSharedCopy} looks for a missing company or
 * user in what the other instances shared before requesting it.
 */
package io.quarkiverse.schematic.runtime.datastream;
