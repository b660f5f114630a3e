package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON work every floor client does for one flag check, the same for all of them: Jackson writes the request body
 * and reads the fields of the answer a flag check needs. Only the HTTP client differs between the floors.
 */
final class FlagCheckJson {

    static final String API_KEY_HEADER = "X-Schematic-Api-Key";
    static final String API_KEY = "bench-api-key";

    private final ObjectMapper json = new ObjectMapper();

    static String path(String flag) {
        return "/flags/" + flag + "/check";
    }

    byte[] request(Map<String, String> company, Map<String, String> user) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>(4);
        body.put("company", company);
        body.put("user", user);
        return json.writeValueAsBytes(body);
    }

    byte[] write(Object body) throws IOException {
        return json.writeValueAsBytes(body);
    }

    /** The whole answer as a tree: the Jackson work of reading an answer whose every field is used. */
    JsonNode tree(byte[] answer) throws IOException {
        return json.readTree(answer);
    }

    boolean value(byte[] answer) throws IOException {
        Answer read = json.readValue(answer, Answer.class);
        return read.data() != null && Boolean.TRUE.equals(read.data().value());
    }

    /** The envelope and the fields a flag check reads: the same Jackson work as a full client. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String flag, Boolean value, String reason) {
    }
}
