package io.quarkiverse.schematic.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same scenarios against the packaged application (prod mode).
 */
@QuarkusIntegrationTest
class DemoAppIT extends DemoAppTest {
}
