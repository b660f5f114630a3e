package io.quarkiverse.schematic.openfeature;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;

/**
 * How an OpenFeature evaluation context becomes Schematic's company and user keys:
 * <ul>
 * <li>an attribute {@code company.<key>} or {@code user.<key>} is that company or user key;</li>
 * <li>an attribute {@code company} or {@code user} holding a structure contributes each of its entries as a key;</li>
 * <li>the targeting key is the key named by {@link #targetingKeyAs()} ({@code user.id} unless configured
 * otherwise);</li>
 * <li>every other attribute is ignored.</li>
 * </ul>
 * A key's value must be a non-blank string or a whole number (written in decimal). A value of another shape, a
 * {@code company}/{@code user} attribute that is not a structure, or one key given two different values makes the
 * context invalid: {@link #map} then answers {@link Keys#invalid()} with a message naming the attribute, and never
 * throws.
 */
public final class ContextMapping {

    /** Where the targeting key goes unless configured otherwise. */
    public static final String DEFAULT_TARGETING_KEY_AS = "user.id";

    static final String COMPANY = "company";
    static final String USER = "user";

    private final String targetingKeyAs;
    private final boolean targetingKeyIsCompany;
    private final String targetingKeyName;

    private ContextMapping(String targetingKeyAs) {
        this.targetingKeyAs = targetingKeyAs;
        this.targetingKeyIsCompany = targetingKeyAs.startsWith(COMPANY + ".");
        this.targetingKeyName = targetingKeyAs.substring(targetingKeyAs.indexOf('.') + 1);
    }

    /**
     * A mapping that puts the targeting key under this company or user key, such as {@code user.id},
     * {@code user.email} or {@code company.id}.
     *
     * @throws IllegalArgumentException if {@code targetingKeyAs} is not {@code user.<key>} or {@code company.<key>}
     */
    public static ContextMapping targetingKeyAs(String targetingKeyAs) {
        if (targetingKeyAs == null
                || !(targetingKeyAs.startsWith(USER + ".") || targetingKeyAs.startsWith(COMPANY + "."))
                || targetingKeyAs.substring(targetingKeyAs.indexOf('.') + 1).isBlank()) {
            throw new IllegalArgumentException("targetingKeyAs must be user.<key> or company.<key>, such as "
                    + DEFAULT_TARGETING_KEY_AS + ", but was: " + targetingKeyAs);
        }
        return new ContextMapping(targetingKeyAs);
    }

    /** The mapping with the targeting key as user {@code id}. */
    public static ContextMapping defaults() {
        return targetingKeyAs(DEFAULT_TARGETING_KEY_AS);
    }

    /** Where the targeting key goes, such as {@code user.id}. */
    public String targetingKeyAs() {
        return targetingKeyAs;
    }

    /**
     * The company and user keys of this context; {@code null} or an empty context gives no keys.
     */
    public Keys map(EvaluationContext context) {
        Builder keys = new Builder();
        if (context == null) {
            return keys.build();
        }
        for (Map.Entry<String, Value> attribute : context.asUnmodifiableMap().entrySet()) {
            String name = attribute.getKey();
            Value value = attribute.getValue();
            if (name.equals(COMPANY) || name.equals(USER)) {
                keys.addStructure(name, value);
            } else if (name.startsWith(COMPANY + ".") && name.length() > COMPANY.length() + 1) {
                keys.add(keys.company, name, name.substring(COMPANY.length() + 1), value);
            } else if (name.startsWith(USER + ".") && name.length() > USER.length() + 1) {
                keys.add(keys.user, name, name.substring(USER.length() + 1), value);
            }
        }
        String targetingKey = context.getTargetingKey();
        if (targetingKey != null && !targetingKey.isBlank()) {
            keys.add(targetingKeyIsCompany ? keys.company : keys.user, "the targeting key", targetingKeyName,
                    new Value(targetingKey));
        }
        return keys.build();
    }

    /**
     * The keys of one evaluation context, or why the context cannot be mapped.
     *
     * @param company company keys (never {@code null})
     * @param user user keys (never {@code null})
     * @param invalid why the context is invalid; {@code null} when it is valid
     */
    public record Keys(Map<String, String> company, Map<String, String> user, String invalid) {

        public Keys {
            company = Map.copyOf(company);
            user = Map.copyOf(user);
        }

        /** Whether the context could be mapped. */
        public boolean valid() {
            return invalid == null;
        }
    }

    /** Collects keys; the first problem found is the one reported. */
    private static final class Builder {
        final Map<String, String> company = new LinkedHashMap<>();
        final Map<String, String> user = new LinkedHashMap<>();
        String invalid;

        void addStructure(String name, Value value) {
            if (value == null || !value.isStructure()) {
                fail("attribute '" + name + "' must be a structure of " + name + " keys");
                return;
            }
            Structure structure = value.asStructure();
            Map<String, String> target = name.equals(COMPANY) ? company : user;
            for (String key : structure.keySet()) {
                add(target, name + "." + key, key, structure.getValue(key));
            }
        }

        void add(Map<String, String> target, String attribute, String key, Value value) {
            String text = keyValue(value);
            if (text == null) {
                fail("attribute '" + attribute + "' must be a non-blank string or a whole number");
                return;
            }
            String earlier = target.putIfAbsent(key, text);
            if (earlier != null && !earlier.equals(text)) {
                fail("attribute '" + attribute + "' contradicts another value given for the same key");
            }
        }

        private static String keyValue(Value value) {
            if (value == null) {
                return null;
            }
            if (value.isString()) {
                String text = value.asString();
                return text.isBlank() ? null : text;
            }
            Object number = value.asObject();
            if (number instanceof Integer || number instanceof Long) {
                return number.toString();
            }
            if (number instanceof Double d && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return null;
        }

        private void fail(String message) {
            if (invalid == null) {
                invalid = message;
            }
        }

        Keys build() {
            return invalid == null ? new Keys(company, user, null) : new Keys(Map.of(), Map.of(), invalid);
        }
    }
}
