package io.quarkiverse.schematic.runtime.sharedcache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Redis keys of shared answers: {@code schematic:<namespace>:v<format>:flag:<flag>:<company keys>:<user keys>}, each
 * key set written as {@code name=value} pairs sorted by name and joined with {@code ;}. Every part is escaped
 * ({@code %}, {@code :}, {@code ;} and {@code =} become {@code %25}, {@code %3A}, {@code %3B}, {@code %3D}), so no two
 * different checks can share a key whatever characters their keys contain.
 * <p>
 * The namespace keeps environments apart; the format version ({@link #FORMAT_VERSION}) keeps a release that encodes
 * answers differently from reading older entries.
 */
public final class SharedCacheKeys {

    /** Version of the key layout and value encoding; raise it whenever either changes. */
    public static final int FORMAT_VERSION = 1;
    static final String PREFIX = "schematic";

    private final String flagPrefix;

    public SharedCacheKeys(String namespace) {
        this.flagPrefix = PREFIX + ":" + escape(namespace) + ":v" + FORMAT_VERSION + ":flag:";
    }

    /**
     * The namespace to use: the configured one, else one derived from the API key (its SHA-256, truncated: the key
     * cannot be recovered from it), so that two Schematic environments sharing a Redis never read each other's answers
     * even when nobody configured a namespace.
     */
    public static String namespace(Optional<String> configured, Optional<String> apiKey) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get();
        }
        return "key-" + sha256Hex(apiKey.orElse("")).substring(0, 16);
    }

    public String flag(String flag, Map<String, String> company, Map<String, String> user) {
        StringBuilder key = new StringBuilder(flagPrefix.length() + 64).append(flagPrefix);
        escape(flag, key);
        key.append(':');
        keys(company, key);
        key.append(':');
        keys(user, key);
        return key.toString();
    }

    private static void keys(Map<String, String> keys, StringBuilder out) {
        boolean first = true;
        for (Map.Entry<String, String> entry : (keys.size() < 2 ? keys : new TreeMap<>(keys)).entrySet()) {
            if (!first) {
                out.append(';');
            }
            first = false;
            escape(entry.getKey(), out);
            out.append('=');
            escape(entry.getValue(), out);
        }
    }

    public static String escape(String part) {
        StringBuilder out = new StringBuilder(part.length());
        escape(part, out);
        return out.toString();
    }

    private static void escape(String part, StringBuilder out) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case ':' -> out.append("%3A");
                case ';' -> out.append("%3B");
                case '=' -> out.append("%3D");
                default -> out.append(c);
            }
        }
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
