package io.quarkiverse.schematic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.runtime.DefaultSchematicService;

/**
 * Public types never depend on the internal {@code runtime} packages: reads the constant pool of every compiled class
 * of the public packages and fails on any reference to {@code io.quarkiverse.schematic.runtime}, be it a type, a
 * method descriptor, an annotation or a generic signature.
 */
class PublicApiDependenciesTest {

    static final String INTERNAL = "io/quarkiverse/schematic/runtime/";
    static final List<String> PUBLIC_PACKAGES = List.of("io/quarkiverse/schematic", "io/quarkiverse/schematic/webhook",
            "io/quarkiverse/schematic/rules");

    @Test
    void publicPackagesDoNotReferenceRuntime() throws IOException, URISyntaxException {
        Path classes = Path.of(SchematicService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> publicClasses = new ArrayList<>();
        for (String pkg : PUBLIC_PACKAGES) {
            Path folder = classes.resolve(pkg);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(file -> file.toString().endsWith(".class")).forEach(publicClasses::add);
                }
            }
        }
        assertThat(publicClasses).as("compiled public classes under " + classes)
                .anyMatch(file -> file.endsWith("SchematicService.class"))
                .anyMatch(file -> file.endsWith("WebhookVerifier.class"));

        Set<String> violations = new TreeSet<>();
        for (Path file : publicClasses) {
            for (String reference : internalReferences(Files.readAllBytes(file))) {
                violations.add(classes.relativize(file) + " -> " + reference);
            }
        }
        assertThat(violations).as("public classes referring to internal runtime types").isEmpty();
    }

    @Test
    void detectsReferencesToRuntime() throws IOException, URISyntaxException {
        Path internal = Path
                .of(DefaultSchematicService.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/quarkiverse/schematic/runtime/DefaultSchematicService.class");

        assertThat(internalReferences(Files.readAllBytes(internal))).isNotEmpty();
    }

    /** The UTF-8 entries of the class file's constant pool that name something under {@code runtime}. */
    static Set<String> internalReferences(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        assertThat(in.readInt()).as("class file magic").isEqualTo(0xCAFEBABE);
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        Set<String> found = new TreeSet<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> { // Utf8: class names, descriptors and signatures all end up here
                    String text = in.readUTF();
                    if (text.contains(INTERNAL)) {
                        found.add(text);
                    }
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // Integer, Float, refs, NameAndType, dynamic
                case 5, 6 -> { // Long, Double take two slots
                    in.skipBytes(8);
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at index " + index);
            }
        }
        return found;
    }
}
