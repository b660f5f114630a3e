package io.quarkiverse.schematic.runtime.gate;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.schematic.FlagDisabledException;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.SchematicService;
import io.smallrye.mutiny.Uni;

/**
 * Runs a {@link RequiresFlag} method only when its flag is on for the caller. A method that returns {@code Uni} or
 * {@code CompletionStage} is checked without blocking (it may run on the event loop) and fails through its result;
 * any other method is checked before it runs and fails by throwing.
 * <p>
 * After the platform's interceptors (security checks come first: an unauthorized caller learns nothing about flags).
 */
@RequiresFlag("")
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class FlagGateInterceptor {

    private final SchematicService schematic;
    private final ReactiveSchematicService reactive;

    FlagGateInterceptor(SchematicService schematic, ReactiveSchematicService reactive) {
        this.schematic = schematic;
        this.reactive = reactive;
    }

    @AroundInvoke
    Object gate(InvocationContext invocation) throws Exception {
        String flag = flag(invocation);
        Class<?> returned = invocation.getMethod().getReturnType();
        if (Uni.class.isAssignableFrom(returned)) {
            return reactive.checkFlagForCaller(flag).chain(on -> on ? proceed(invocation)
                    : Uni.createFrom().failure(new FlagDisabledException(flag)));
        }
        if (CompletionStage.class.isAssignableFrom(returned)) {
            return reactive.checkFlagForCaller(flag).subscribeAsCompletionStage().thenCompose(on -> {
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
        if (!schematic.checkFlagForCaller(flag)) {
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

    /** The method's annotation if it has one, else its class's: ArC resolves which binding applies. */
    private static String flag(InvocationContext invocation) {
        return invocation.getInterceptorBinding(RequiresFlag.class).value();
    }
}
