package io.quarkiverse.schematic.runtime.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;

class DataStreamUrlTest {

    @Test
    void theDefaultApiGivesTheDefaultDataStream() {
        assertThat(DataStreamUrl.derive(SchematicConfig.DEFAULT_BASE_URL))
                .isEqualTo("wss://datastream.schematichq.com/datastream");
    }

    @Test
    void schemeHostPortAndPathAreDerived() {
        assertThat(DataStreamUrl.derive("http://localhost:8080/v1")).isEqualTo("ws://localhost:8080/datastream");
        assertThat(DataStreamUrl.derive("https://api.eu.example.com:443")).isEqualTo(
                "wss://datastream.eu.example.com/datastream");
        assertThat(DataStreamUrl.derive("https://api.example.com:8443/")).isEqualTo(
                "wss://datastream.example.com:8443/datastream");
        assertThat(DataStreamUrl.derive("http://apis.example.com")).as("only a whole 'api' label is replaced")
                .isEqualTo("ws://apis.example.com/datastream");
    }

    @Test
    void aBaseUrlThatIsNoHttpUrlIsRefusedByName() {
        assertThatThrownBy(() -> DataStreamUrl.derive("ftp://api.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://api.example.com");
    }
}
