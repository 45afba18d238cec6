package io.github.xenacpi.api;

import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the project's own JUnit tests once per platform through the JUnit Platform Launcher of the project's test
 * class path, in a class loader isolated from the plugin's (its parent is the platform class loader), so the
 * project's JUnit version runs them whatever version the plugin was built with. The launcher is reached by
 * reflection only; the platform's firmware path reaches the tests as the configuration parameter
 * {@value #FIRMWARE_PARAMETER}, which {@code XenPlatformExtension} reads.
 */
public final class ConformanceTests implements PlatformCheck {

    /** The configuration parameter that replaces the firmware of every {@code @XenPlatform} test. */
    public static final String FIRMWARE_PARAMETER = Firmware.PROPERTY;

    private static final String LAUNCHER_FACTORY = "org.junit.platform.launcher.core.LauncherFactory";

    private final List<Path> classpath;
    private final List<Path> testRoots;
    private final List<String> patterns;
    private final Map<String, Path> sources;

    /**
     * @param classpath the project's test class path (test classes, classes, every test-scope dependency, and a
     *                  {@code junit-platform-launcher} matching its JUnit Platform)
     * @param testRoots the folders whose classes are scanned for tests (the test output folder)
     * @param patterns  regular expressions over fully qualified class names, as JUnit's {@code ClassNameFilter}
     * @param sources   the project's test classes by name, each with its source file (see {@link #sources}): only
     *                  these run, so a class whose source was deleted never runs from a stale output folder
     */
    public ConformanceTests(
            List<Path> classpath, List<Path> testRoots, List<String> patterns, Map<String, Path> sources) {
        this.classpath = List.copyOf(classpath);
        this.testRoots = List.copyOf(testRoots);
        this.patterns = List.copyOf(patterns);
        this.sources = Map.copyOf(sources);
        if (this.patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one class name pattern");
        }
    }

    @Override
    public Rule rule() {
        return ConformanceTestRule.RULE;
    }

    /** Runs the tests on the platform's firmware, logs what they did, and returns a finding per failed test. */
    @Override
    public List<ReportFinding> check(PlatformSource platform, Path scratch, RunLog log) throws ValidationException {
        TestRun run = run(platform.name(), platform.firmwarePath(scratch));
        log.info("xenacpi: " + platform.name() + ": conformance tests: " + run.run() + " run, " + run.failed()
                + " failed, " + run.skipped() + " skipped");
        run.failures().forEach(f -> log.warn("xenacpi: " + platform.name() + ": test failed: " + f.describe()));
        return ConformanceTestRule.findings(run);
    }

    /**
     * Runs the matching tests on one platform's firmware.
     *
     * @throws ValidationException when the launcher cannot be started or finds no test at all
     */
    TestRun run(String platform, Path firmware) throws ValidationException {
        for (Path root : testRoots) {
            if (!Files.isDirectory(root)) {
                throw new ValidationException("xenacpi.conformanceTests: no compiled tests at " + root
                        + "; run the goal after test-compile (its default phase is verify)");
            }
        }
        List<String> current = current();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader("xenacpi-conformance-tests", urls(), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            Listener listener = new Listener();
            launch(loader, firmware, listener, current);
            TestRun run = new TestRun(platform, listener.run, listener.skipped, listener.failures);
            if (run.run() + run.skipped() == 0) {
                throw new ValidationException("xenacpi.conformanceTests: no test matches " + patterns + " in "
                        + testRoots + "; the patterns are regular expressions over fully qualified class names,"
                        + " such as .*ConformanceTest");
            }
            return run;
        } catch (IOException e) {
            throw new ValidationException(
                    "cannot close the class loader of the conformance tests: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The project's test classes by fully qualified name, each with its source file: every {@code .java} file
     * below the test source roots, named by its path.
     *
     * @throws ValidationException when a root cannot be read
     */
    public static Map<String, Path> sources(List<Path> sourceRoots) throws ValidationException {
        Map<String, Path> out = new TreeMap<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String rel = root.relativize(f).toString();
                    String name = rel.substring(0, rel.length() - ".java".length())
                            .replace(f.getFileSystem().getSeparator(), ".");
                    if (!name.endsWith("package-info") && !name.endsWith("module-info")) {
                        out.put(name, f);
                    }
                }
            } catch (IOException e) {
                throw new ValidationException(
                        "xenacpi.conformanceTests: cannot read the test sources in " + root + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The matching classes that have a source, after checking each was compiled from its current source: a class
     * older than its source (or missing) would run what the project no longer says.
     */
    private List<String> current() throws ValidationException {
        List<String> out = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, Path> e : sources.entrySet()) {
            if (patterns.stream().noneMatch(p -> e.getKey().matches(p))) {
                continue;
            }
            out.add(e.getKey());
            Path compiled = testRoots.get(0).resolve(e.getKey().replace('.', '/') + ".class");
            try {
                if (!Files.isRegularFile(compiled)
                        || Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(e.getValue())) < 0) {
                    stale.add(e.getKey());
                }
            } catch (IOException x) {
                stale.add(e.getKey());
            }
        }
        if (!stale.isEmpty()) {
            throw new ValidationException("xenacpi.conformanceTests: the compiled classes of " + stale + " in "
                    + testRoots.get(0) + " are older than their sources or missing; run the goal after test-compile"
                    + " (its default phase is verify)");
        }
        return out;
    }

    private URL[] urls() throws ValidationException {
        List<URL> out = new ArrayList<>();
        for (Path p : classpath) {
            try {
                out.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ValidationException("unusable test class path entry " + p + ": " + e.getMessage(), e);
            }
        }
        return out.toArray(URL[]::new);
    }

    /** The launcher calls of the JUnit Platform API (stable from 1.x to 6.x), made by reflection. */
    private void launch(ClassLoader loader, Path firmware, Listener listener, List<String> current)
            throws ValidationException {
        try {
            Class<?> selectors = load(loader, "org.junit.platform.engine.discovery.DiscoverySelectors");
            Set<Path> roots = new LinkedHashSet<>(testRoots);
            List<?> selected = (List<?>)
                    selectors.getMethod("selectClasspathRoots", Set.class).invoke(null, roots);
            Class<?> filterType = load(loader, "org.junit.platform.engine.Filter");
            Object filters = Array.newInstance(filterType, 2);
            Method include = load(loader, "org.junit.platform.engine.discovery.ClassNameFilter")
                    .getMethod("includeClassNamePatterns", String[].class);
            Array.set(filters, 0, include.invoke(null, (Object) patterns.toArray(String[]::new)));
            // Only classes with a source now: a class left in the output folder by a deleted source never runs.
            String[] withSource = current.isEmpty()
                    ? new String[] {"(?!)"}
                    : current.stream().map(n -> Pattern.quote(n) + "(\\$.*)?").toArray(String[]::new);
            Array.set(filters, 1, include.invoke(null, (Object) withSource));
            Class<?> builderType = load(loader, "org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder");
            Object builder = builderType.getMethod("request").invoke(null);
            builderType.getMethod("selectors", List.class).invoke(builder, selected);
            builderType.getMethod("filters", filters.getClass()).invoke(builder, filters);
            builderType
                    .getMethod("configurationParameter", String.class, String.class)
                    .invoke(
                            builder,
                            FIRMWARE_PARAMETER,
                            firmware.toAbsolutePath().toString());
            Object request = builderType.getMethod("build").invoke(builder);

            Class<?> listenerType = load(loader, "org.junit.platform.launcher.TestExecutionListener");
            Object listeners = Array.newInstance(listenerType, 1);
            Array.set(listeners, 0, Proxy.newProxyInstance(loader, new Class<?>[] {listenerType}, listener));
            Class<?> launcherType = load(loader, "org.junit.platform.launcher.Launcher");
            Object launcher = load(loader, LAUNCHER_FACTORY).getMethod("create").invoke(null);
            launcherType
                    .getMethod(
                            "execute",
                            load(loader, "org.junit.platform.launcher.LauncherDiscoveryRequest"),
                            listeners.getClass())
                    .invoke(launcher, request, listeners);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ValidationException("the JUnit Platform launcher of the project failed: " + cause, cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ValidationException(
                    "cannot drive the project's JUnit Platform launcher (" + e
                            + "); the conformance tests need JUnit Platform 1.10 or later on the test class path",
                    e);
        }
    }

    private static Class<?> load(ClassLoader loader, String name) throws ValidationException {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ValidationException(
                    "the project's test class path lacks " + name + "; add JUnit Jupiter"
                            + " (junit-jupiter) as a test dependency to run xenacpi.conformanceTests",
                    e);
        }
    }

    /**
     * A {@code TestExecutionListener} of any JUnit version, as a dynamic proxy: counts finished and skipped
     * tests and keeps each failure with the display names of the invocations above it.
     */
    private static final class Listener implements InvocationHandler {
        private Object plan;
        private int run;
        private int skipped;
        private final List<TestRun.TestFailure> failures = new ArrayList<>();

        @Override
        public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "testPlanExecutionStarted" -> plan = args[0];
                case "executionSkipped" -> {
                    if (isTest(args[0])) {
                        skipped++;
                    }
                }
                case "executionFinished" -> finished(args[0], args[1]);
                case "toString" -> {
                    return "xenacpi conformance test listener";
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                default -> {
                    return null;
                }
            }
            return null;
        }

        private void finished(Object id, Object result) throws ReflectiveOperationException {
            if (!isTest(id)) {
                return;
            }
            String status = call(result, "getStatus").toString();
            if (status.equals("ABORTED")) {
                skipped++;
                return;
            }
            run++;
            if (status.equals("FAILED")) {
                Throwable t = ((Optional<?>) call(result, "getThrowable"))
                        .map(Throwable.class::cast)
                        .orElse(null);
                String message = t == null
                        ? "failed"
                        : t.getMessage() == null
                                ? t.getClass().getName()
                                : t.getMessage().strip();
                failures.add(new TestRun.TestFailure(className(id), displayPath(id), message));
            }
        }

        private static boolean isTest(Object id) throws ReflectiveOperationException {
            return (Boolean) call(id, "isTest");
        }

        private static String className(Object id) throws ReflectiveOperationException {
            Object source = ((Optional<?>) call(id, "getSource")).orElse(null);
            if (source == null) {
                return "";
            }
            for (Method m : source.getClass().getMethods()) {
                if (m.getName().equals("getClassName") && m.getParameterCount() == 0) {
                    return (String) m.invoke(source);
                }
            }
            return "";
        }

        /** The display names from the test method down to this test: "check(Platform) > [2] stage2-fault". */
        private String displayPath(Object id) throws ReflectiveOperationException {
            List<String> names = new ArrayList<>();
            names.add((String) call(id, "getDisplayName"));
            Object current = id;
            while (plan != null) {
                Optional<?> parent = (Optional<?>) plan.getClass()
                        .getMethod("getParent", current.getClass())
                        .invoke(plan, current);
                if (parent.isEmpty() || !isMethod(parent.get())) {
                    break;
                }
                current = parent.get();
                names.add(0, (String) call(current, "getDisplayName"));
            }
            return String.join(" > ", names);
        }

        private static boolean isMethod(Object id) throws ReflectiveOperationException {
            Object source = ((Optional<?>) call(id, "getSource")).orElse(null);
            return source != null && source.getClass().getSimpleName().equals("MethodSource");
        }

        private static Object call(Object target, String method) throws ReflectiveOperationException {
            return target.getClass().getMethod(method).invoke(target);
        }
    }
}
