package io.quarkiverse.schematic.runtime.gate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.schematic.FlagDisabledException;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.SchematicService;
import io.smallrye.mutiny.Uni;

/**
 * Runs a {@link RequiresFlag} method only when its flag is on for the caller. A method that returns {@code Uni} or
 * {@code CompletionStage} is checked without blocking (it may run on the event loop) and fails through its result;
 * any other method is checked before it runs and fails by throwing. With a {@code usageParam} the check is a preflight
 * with the usage taken from that argument. ArC hands over the method's annotation if it has one, else its class's.
 * <p>
 * After the platform's interceptors (security checks come first: an unauthorized caller learns nothing about flags).
 */
@RequiresFlag("")
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class FlagGateInterceptor {

    private final SchematicService schematic;
    private final ReactiveSchematicService reactive;
    private final UsageParameters usageParameters;

    FlagGateInterceptor(SchematicService schematic, ReactiveSchematicService reactive,
            UsageParameters usageParameters) {
        this.schematic = schematic;
        this.reactive = reactive;
        this.usageParameters = usageParameters;
    }

    @AroundInvoke
    Object gate(InvocationContext invocation) throws Exception {
        RequiresFlag gate = invocation.getInterceptorBinding(RequiresFlag.class);
        String flag = gate.value();
        Class<?> returned = invocation.getMethod().getReturnType();
        Preflight preflight;
        try {
            preflight = preflight(invocation, gate.usageParam());
        } catch (InvalidUsageException invalid) {
            if (Uni.class.isAssignableFrom(returned)) {
                return Uni.createFrom().failure(invalid);
            }
            if (CompletionStage.class.isAssignableFrom(returned)) {
                return CompletableFuture.failedStage(invalid);
            }
            throw invalid;
        }
        if (Uni.class.isAssignableFrom(returned)) {
            return check(flag, preflight).chain(on -> on ? proceed(invocation)
                    : Uni.createFrom().failure(new FlagDisabledException(flag)));
        }
        if (CompletionStage.class.isAssignableFrom(returned)) {
            return check(flag, preflight).subscribeAsCompletionStage().thenCompose(on -> {
                if (!on) {
                    throw new FlagDisabledException(flag);
                }
                try {
                    return (CompletionStage<?>) invocation.proceed();
                } catch (Exception failure) {
                    throw new CompletionException(failure);
                }
            });
        }
        boolean on = preflight == null ? schematic.checkFlagForCaller(flag)
                : schematic.checkFlagForCaller(flag, preflight);
        if (!on) {
            throw new FlagDisabledException(flag);
        }
        return invocation.proceed();
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> proceed(InvocationContext invocation) {
        try {
            return (Uni<Object>) invocation.proceed();
        } catch (Exception failure) {
            return Uni.createFrom().failure(failure);
        }
    }

    private Uni<Boolean> check(String flag, Preflight preflight) {
        return preflight == null ? reactive.checkFlagForCaller(flag) : reactive.checkFlagForCaller(flag, preflight);
    }

    /** The preflight of a gate with a usage parameter, {@code null} for a plain gate. */
    private Preflight preflight(InvocationContext invocation, String usageParam) {
        if (usageParam.isEmpty()) {
            return null;
        }
        Object value = invocation.getParameters()[usageParameters.position(invocation.getMethod(), usageParam)];
        if (!(value instanceof Number number) || number.longValue() < 0) {
            throw new InvalidUsageException(usageParam, value);
        }
        return Preflight.usage(number.longValue());
    }
}
