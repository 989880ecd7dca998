package dev.hardening.auditor.core.scan;

import java.util.Locale;

/** What a file's path says about its role: test code and fixtures, whose findings matter less. */
public final class PathHints {
    private PathHints() {
    }

    /** Whether the path is inside a test, fixture or example directory, or names a test file. */
    public static boolean isTestPath(String path) {
        String p = "/" + path.replace('\\', '/').toLowerCase(Locale.ROOT);
        for (String dir : new String[] {"/test/", "/tests/", "/__tests__/", "/spec/", "/specs/", "/testdata/",
                "/test-data/", "/fixtures/", "/fixture/", "/__fixtures__/", "/__mocks__/", "/mocks/", "/examples/",
                "/example/", "/testing/", "/test-classes/", "/testfixtures/"}) {
            if (p.contains(dir)) {
                return true;
            }
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        return name.startsWith("test_") || name.contains("_test.") || name.contains(".test.") || name.contains(".spec.")
                || name.contains("_spec.") || name.startsWith("conftest.")
                // JVM and .NET conventions: FooTest.java, FooTests.kt, FooSpec.groovy (and their compiled classes)
                || fileName(path).matches(".*[a-z0-9](Test|Tests|Spec|IT)\\.(java|kt|kts|scala|groovy|class|cs|swift|php)");
    }

    /** The last segment of a path. */
    public static String fileName(String path) {
        String p = path.replace('\\', '/');
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
