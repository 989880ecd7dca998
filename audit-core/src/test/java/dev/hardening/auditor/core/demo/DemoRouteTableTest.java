package dev.hardening.auditor.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes table is checked when it is loaded, so a broken world fails at start-up, not mid-audit. */
class DemoRouteTableTest {
    @TempDir
    Path dir;

    private static final String HOST = """
            "hosts": {"api.example.test": {"contentType": "application/json", "etag": "strong",
              "headers": {"Date": "{{days:0|http}}"}, "notFound": {"body": "missing.json", "shapeSource": "test"}}}
            """;

    @Test
    void exactRoutesWinOverWildcardsAndMoreQueryParametersWin() throws IOException {
        write("missing.json", "{\"message\":\"Not Found {{segment:1}}\"}");
        write("exact.json", "{\"is\":\"exact\"}");
        write("wild.json", "{\"is\":\"wild {{segment:1}}\"}");
        write("query.json", "{\"is\":\"query\"}");
        table("""
                {"about": "test", %s, "routes": [
                  {"host": "api.example.test", "path": "/things/*", "body": "wild.json"},
                  {"host": "api.example.test", "path": "/things/one", "body": "exact.json"},
                  {"host": "api.example.test", "path": "/things/one", "query": {"q": "x"}, "body": "query.json"}
                ]}""".formatted(HOST));
        OfflineClient client = new OfflineClient(new OkHttpClient.Builder()
                .addInterceptor(new DemoTransport(RouteTable.load(loader()), DemoTransportTest.CLOCK)).build());

        assertThat(client.get("https://api.example.test/things/one").body()).isEqualTo("{\"is\":\"exact\"}");
        assertThat(client.get("https://api.example.test/things/one?q=x&size=5").body()).isEqualTo("{\"is\":\"query\"}");
        assertThat(client.get("https://api.example.test/things/two").body()).isEqualTo("{\"is\":\"wild two\"}");
        assertThat(client.get("https://api.example.test/other/x").status()).isEqualTo(404);
        assertThat(client.get("https://api.example.test/other/x").body()).isEqualTo("{\"message\":\"Not Found x\"}");
        assertThat(client.get("https://api.example.test/things/one").header("ETag")).startsWith("\"");
    }

    @Test
    void aRouteListedTwiceIsRefused() throws IOException {
        write("missing.json", "{}");
        write("a.json", "{}");
        table("""
                {"about": "test", %s, "routes": [
                  {"host": "api.example.test", "path": "/a", "body": "a.json"},
                  {"host": "api.example.test", "method": "get", "path": "/a", "body": "a.json"}
                ]}""".formatted(HOST));

        assertThatThrownBy(() -> RouteTable.load(loader())).hasMessageContaining("listed twice").hasMessageContaining("/a");
    }

    @Test
    void aMissingBodyFileIsRefusedByName() throws IOException {
        write("missing.json", "{}");
        table("""
                {"about": "test", %s, "routes": [{"host": "api.example.test", "path": "/a", "body": "nowhere.json"}]}
                """.formatted(HOST));

        assertThatThrownBy(() -> RouteTable.load(loader())).hasMessageContaining("demo/nowhere.json");
    }

    @Test
    void aMalformedPlaceholderIsRefusedByFile() throws IOException {
        write("missing.json", "{}");
        write("a.json", "{\"at\":\"{{days:-1|rfc}}\"}");
        table("""
                {"about": "test", %s, "routes": [{"host": "api.example.test", "path": "/a", "body": "a.json"}]}
                """.formatted(HOST));

        assertThatThrownBy(() -> RouteTable.load(loader())).hasMessageContaining("demo/a.json").hasMessageContaining("rfc");
    }

    @Test
    void aRouteForAnUndeclaredHostIsRefused() throws IOException {
        write("missing.json", "{}");
        write("a.json", "{}");
        table("""
                {"about": "test", %s, "routes": [{"host": "elsewhere.test", "path": "/a", "body": "a.json"}]}
                """.formatted(HOST));

        assertThatThrownBy(() -> RouteTable.load(loader())).hasMessageContaining("unknown host elsewhere.test");
    }

    @Test
    void aMisspelledFieldIsRefused() throws IOException {
        write("missing.json", "{}");
        write("a.json", "{}");
        table("""
                {"about": "test", %s, "routes": [{"host": "api.example.test", "path": "/a", "stauts": 404, "body": "a.json"}]}
                """.formatted(HOST));

        assertThatThrownBy(() -> RouteTable.load(loader())).hasMessageContaining("stauts");
    }

    @Test
    void theBundledWorldLoads() {
        RouteTable t = RouteTable.load(DemoRouteTableTest.class.getClassLoader());

        assertThat(t.routes()).hasSameSizeAs(RouteTable.bundled().routes());
        assertThat(t.hosts()).extracting(RouteTable.Host::name)
                .containsExactlyInAnyOrder("api.github.com", "registry.npmjs.org", "pypi.org", "rdap.demo.invalid", "files.pythonhosted.org");
        assertThat(DemoTransport.bundled(Clock.systemUTC())).isNotNull();
    }

    private void table(String json) throws IOException {
        write("routes.json", json);
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve("demo").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private ClassLoader loader() throws IOException {
        // No parent: only the temporary world is visible, not the bundled one on the test classpath.
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }
}
