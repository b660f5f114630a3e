package io.quarkiverse.schematic.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Names and values of the headers every request to Schematic carries.
 */
public final class ClientHeaders {

    /** The header that carries {@code quarkus.schematic.api-key}; masked in REST Client request logging. */
    public static final String API_KEY = "X-Schematic-Api-Key";

    /** The name this client gives itself, without pretending to be an official SDK. */
    public static final String CLIENT_NAME = "quarkus-schematic";

    /** The version of this extension, from the build. */
    public static final String CLIENT_VERSION = version();

    /** {@code quarkus-schematic/<version>}: who is calling. */
    public static final String USER_AGENT = CLIENT_NAME + "/" + CLIENT_VERSION;

    private ClientHeaders() {
    }

    private static String version() {
        try (InputStream in = ClientHeaders.class.getResourceAsStream("/META-INF/quarkus-schematic-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
