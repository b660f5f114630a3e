package io.quarkiverse.schematic.test.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.rest.client.spi.RestClientListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.quarkiverse.schematic.WarningTier;
import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesEngine;
import io.quarkiverse.schematic.runtime.client.EventCaptureApi;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.client.SchematicClientListener;
import io.quarkiverse.schematic.runtime.datastream.DataStreamClient;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import io.quarkus.rest.client.reactive.NotBody;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * A native image only sees by reflection what the build registers. The classes that need it are found here
 * independently of the processor: every type that crosses the wire in the REST client signatures (through generics
 * and record components), every class carrying Jackson annotations in the client package (event bodies travel as
 * {@code Object}), the DataStream package and the rules package (with what their JSON creators take), and the
 * classes Fault Tolerance instantiates from the client annotations. Each must be registered with constructors,
 * methods and fields.
 */
class NativeRegistrationTest {

    static final String CLIENT_PACKAGE = SchematicApi.class.getPackageName();
    static final List<String> JSON_PACKAGES = List.of(CLIENT_PACKAGE, DataStreamClient.class.getPackageName(),
            RulesEngine.class.getPackageName());
    static final String REGISTERED = "schematic.test.reflective-classes";
    static final String SERVICES = "schematic.test.service-providers";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(NativeRegistrationTest::collect)
                    .consumes(ReflectiveClassBuildItem.class)
                    .consumes(ServiceProviderBuildItem.class)
                    .produces(FeatureBuildItem.class)
                    .build());

    /** Runs in the build, in another class loader than the test: the names travel as a system property. */
    static void collect(BuildContext context) {
        String names = context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                .filter(item -> item.isConstructors() && item.isMethods() && item.isFields())
                .flatMap(item -> item.getClassNames().stream())
                .collect(Collectors.joining(","));
        System.setProperty(REGISTERED, names);
        System.setProperty(SERVICES, context.consumeMulti(ServiceProviderBuildItem.class).stream()
                .flatMap(item -> item.providers().stream().map(provider -> item.serviceDescriptorFile() + "=" + provider))
                .collect(Collectors.joining(",")));
        context.produce(new FeatureBuildItem("schematic-native-registration-test"));
    }

    @Test
    void everyDtoIsRegisteredForReflection() throws Exception {
        Set<String> registered = new TreeSet<>(Arrays.asList(System.getProperty(REGISTERED, "").split(",")));

        Set<String> needed = new TreeSet<>();
        for (Class<?> api : List.of(SchematicApi.class, EventCaptureApi.class)) {
            for (Method method : api.getDeclaredMethods()) {
                reachable(method.getGenericReturnType(), needed);
                for (int i = 0; i < method.getParameterCount(); i++) {
                    if (!method.getParameters()[i].isAnnotationPresent(NotBody.class)) {
                        reachable(method.getGenericParameterTypes()[i], needed);
                    }
                }
            }
            // Fault Tolerance instantiates these by reflection (the event-capture client has no @Retry)
            RetryWhen retryWhen = api.getAnnotation(RetryWhen.class);
            if (retryWhen != null) {
                needed.add(retryWhen.exception().getName());
            }
            CustomBackoff backoff = api.getAnnotation(CustomBackoff.class);
            if (backoff != null) {
                needed.add(backoff.value().getName());
            }
        }
        for (String pkg : JSON_PACKAGES) {
            for (Class<?> type : packageClasses(pkg)) {
                if (jacksonAnnotated(type)) {
                    reachable(type, needed);
                }
            }
        }

        assertThat(needed).as("found by the scan").contains(
                CLIENT_PACKAGE + ".EntityData$KeyData", CLIENT_PACKAGE + ".IdentifyBody$CompanyBody",
                CLIENT_PACKAGE + ".TrackBody", CLIENT_PACKAGE + ".FlagCheckBody",
                DataStreamClient.class.getPackageName() + ".ClientMessage$Request", RulesCompany.class.getName(),
                WarningTier.class.getName());
        assertThat(registered).containsAll(needed);
    }

    /** The REST Client loads its listeners with the ServiceLoader, which a native image only serves if registered. */
    @Test
    void restClientListenerIsRegisteredAsAService() {
        assertThat(System.getProperty(SERVICES, "").split(",")).contains(
                ServiceProviderBuildItem.SPI_ROOT + RestClientListener.class.getName() + "="
                        + SchematicClientListener.class.getName());
    }

    /** Adds this type, if it is one of ours, its superclass and every type it carries. */
    private static void reachable(Type type, Set<String> needed) {
        if (type instanceof ParameterizedType parameterized) {
            reachable(parameterized.getRawType(), needed);
            for (Type argument : parameterized.getActualTypeArguments()) {
                reachable(argument, needed);
            }
        } else if (type instanceof Class<?> cls && cls.getName().startsWith("io.quarkiverse.schematic.")
                && !cls.isEnum() && needed.add(cls.getName())) {
            reachable(cls.getSuperclass(), needed);
            if (cls.isRecord()) {
                for (RecordComponent component : cls.getRecordComponents()) {
                    reachable(component.getGenericType(), needed);
                }
            }
            for (Constructor<?> constructor : cls.getDeclaredConstructors()) {
                if (constructor.isAnnotationPresent(JsonCreator.class)) {
                    for (Type parameter : constructor.getGenericParameterTypes()) {
                        reachable(parameter, needed);
                    }
                }
            }
        }
    }

    private static boolean jacksonAnnotated(Class<?> type) {
        Stream<AnnotatedElement> elements = Stream.concat(Stream.of(type),
                type.isRecord() ? Arrays.stream(type.getRecordComponents()) : Stream.empty());
        return elements.flatMap(element -> Arrays.stream(element.getAnnotations()))
                .map(Annotation::annotationType)
                .anyMatch(annotation -> annotation.getPackageName().startsWith("com.fasterxml.jackson"));
    }

    /** Every class, nested ones included, of a package in the runtime jar (or its classes folder). */
    private static List<Class<?>> packageClasses(String pkg) throws IOException, URISyntaxException {
        Path location = Path.of(SchematicApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return classesUnder(location, pkg);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classesUnder(jar.getPath("/"), pkg);
        }
    }

    private static List<Class<?>> classesUnder(Path root, String pkg) throws IOException {
        Path folder = root.resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .<Class<?>> map(name -> load(pkg + "." + name.substring(0, name.length() - ".class".length())))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeRegistrationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
