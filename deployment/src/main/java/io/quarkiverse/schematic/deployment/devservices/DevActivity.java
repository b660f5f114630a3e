package io.quarkiverse.schematic.deployment.devservices;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.schematic.runtime.devui.RecentItems;

/**
 * What the dev service was asked, for the Dev UI and for tests: the last flag checks it answered and the last events
 * it received. The API key of an event is never kept.
 */
final class DevActivity {

    static final int CAPACITY = 200;

    private final RecentItems<Map<String, Object>> checks = new RecentItems<>(CAPACITY);
    private final RecentItems<Map<String, Object>> events = new RecentItems<>(CAPACITY);

    void checked(String flag, boolean value, String reason, Map<String, String> company, Map<String, String> user) {
        check(flag, company, user, value, reason);
    }

    /** A check of a flag configured nowhere: answered 404, without a value. */
    void notFound(String flag, Map<String, String> company, Map<String, String> user) {
        check(flag, company, user, null, DevApiHandler.NOT_FOUND_REASON);
    }

    private void check(String flag, Map<String, String> company, Map<String, String> user, Boolean value,
            String reason) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("at", Instant.now().toString());
        check.put("flag", flag);
        check.put("company", company);
        check.put("user", user);
        check.put("value", value);
        check.put("reason", reason);
        checks.add(check);
    }

    void received(Object type, Object body, Object sentAt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("at", Instant.now().toString());
        event.put("type", type);
        event.put("body", body);
        event.put("sent_at", sentAt);
        events.add(event);
    }

    List<Map<String, Object>> checks() {
        return checks.newestFirst();
    }

    List<Map<String, Object>> events() {
        return events.newestFirst();
    }
}
