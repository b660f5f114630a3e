package io.quarkiverse.schematic.runtime.datastream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;

/**
 * Where the DataStream is: {@code quarkus.schematic.local-evaluation.url}, or derived from the REST base URL as
 * Schematic's SDKs do ({@code https://api.schematichq.com} gives {@code wss://datastream.schematichq.com/datastream}).
 */
final class DataStreamUrl {

    static final String PATH = "/datastream";

    private DataStreamUrl() {
    }

    static URI of(SchematicConfig config) {
        return URI.create(config.localEvaluation().url().orElseGet(() -> derive(config.baseUrl())));
    }

    /**
     * {@code http} becomes {@code ws} and {@code https} {@code wss}; a first host label {@code api} becomes
     * {@code datastream}; an explicit port stays unless it is the scheme's default; the path is {@code /datastream}.
     *
     * @throws IllegalArgumentException when the base URL is not an absolute http(s) URL
     */
    static String derive(String baseUrl) {
        URI base;
        try {
            base = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot derive the DataStream URL from '" + baseUrl + "'", e);
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (base.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("Cannot derive the DataStream URL from '" + baseUrl
                    + "': not an absolute http or https URL");
        }
        boolean secure = scheme.equals("https");
        String host = base.getHost();
        if (host.startsWith("api.") && host.length() > "api.".length()) {
            host = "datastream." + host.substring("api.".length());
        }
        int port = base.getPort();
        boolean defaultPort = port == -1 || port == (secure ? 443 : 80);
        return (secure ? "wss" : "ws") + "://" + host + (defaultPort ? "" : ":" + port) + PATH;
    }
}
