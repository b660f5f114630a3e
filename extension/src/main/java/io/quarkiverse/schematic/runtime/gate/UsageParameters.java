package io.quarkiverse.schematic.runtime.gate;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the preflight form of {@code @RequiresFlag} finds the usage: the position of the {@code usageParam} of each
 * gated method, resolved at build time from the index (parameter names need not survive to run time).
 */
public final class UsageParameters {

    private final Map<String, Integer> positions;

    public UsageParameters(Map<String, Integer> positions) {
        this.positions = Map.copyOf(positions);
    }

    /** The position of the usage parameter of this method; fails when the build did not resolve one. */
    int position(Method method, String usageParam) {
        Integer position = positions.get(key(method.getDeclaringClass().getName(), method.getName(),
                Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).collect(Collectors.toList())));
        if (position == null) {
            throw new IllegalStateException("No usage parameter '" + usageParam + "' was resolved at build time for "
                    + method.getDeclaringClass().getName() + "#" + method.getName() + "()");
        }
        return position;
    }

    /**
     * Names a method by its class, name and erased parameter types (as {@link Class#getTypeName()}: {@code long},
     * {@code java.lang.Long}, {@code java.lang.String[]}); the build and the interceptor both use it.
     */
    public static String key(String className, String methodName, List<String> parameterTypeNames) {
        return className + "#" + methodName + "(" + String.join(",", parameterTypeNames) + ")";
    }
}
