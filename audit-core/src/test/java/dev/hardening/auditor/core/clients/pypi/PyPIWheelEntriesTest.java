package dev.hardening.auditor.core.clients.pypi;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.pypi.PyPIWheelEntries;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A wheel's file list read from the end of the file with range requests, as a server that honours them or not. */
class PyPIWheelEntriesTest {
    private MockWebServer server;
    private byte[] wheel;
    private boolean honourRanges = true;
    private final List<String> ranges = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String range = request.getHeaders().get("Range");
                ranges.add(range);
                if (!honourRanges || range == null) {
                    return new MockResponse.Builder().code(200).body(new Buffer().write(wheel)).build();
                }
                String spec = range.substring("bytes=".length());
                int from = spec.startsWith("-") ? Math.max(0, wheel.length - Integer.parseInt(spec.substring(1)))
                        : Integer.parseInt(spec.substring(0, spec.indexOf('-')));
                byte[] part = Arrays.copyOfRange(wheel, from, wheel.length);
                return new MockResponse.Builder().code(206)
                        .setHeader("Content-Range", "bytes " + from + "-" + (wheel.length - 1) + "/" + wheel.length)
                        .body(new Buffer().write(part)).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A wheel-like ZIP whose entries hold {@code size} incompressible bytes each. */
    static byte[] zip(List<String> names, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(42);
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                byte[] content = new byte[size];
                random.nextBytes(content);
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private PyPIWheelEntries read() throws Exception {
        return new PyPIClient(gateway(), server.url("/")).wheelEntries("elementary-data", "0.23.3",
                "elementary_data-0.23.3-py3-none-any.whl", server.url("/packages/elementary_data-0.23.3-py3-none-any.whl").toString());
    }

    @Test
    void aSmallWheelNeedsOneRangeRequestForItsTail() throws Exception {
        wheel = zip(List.of("elementary/__init__.py", "elementary.pth", "elementary_data-0.23.3.dist-info/RECORD"), 200_000);

        PyPIWheelEntries entries = read();

        assertThat(entries.entries()).containsExactly("elementary/__init__.py", "elementary.pth",
                "elementary_data-0.23.3.dist-info/RECORD");
        assertThat(entries.pthFiles()).containsExactly("elementary.pth");
        assertThat(entries.complete()).isTrue();
        assertThat(ranges).containsExactly("bytes=-65536");
        assertThat(wheel.length).as("only the end was sent").isGreaterThan(PyPIClient.WHEEL_TAIL_BYTES * 4);
    }

    @Test
    void aLargeFileListIsFetchedFromWhereTheDirectoryStarts() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            names.add("pkg/sub_module_with_a_rather_long_name_number_" + i + ".py");
        }
        wheel = zip(names, 1);

        PyPIWheelEntries entries = read();

        assertThat(entries.entries()).hasSize(2_000).first().isEqualTo(names.get(0));
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(1)).matches("bytes=\\d+-");
    }

    @Test
    void aServerThatIgnoresRangesSendsTheWholeFileWhichIsReadAsIs() throws Exception {
        honourRanges = false;
        wheel = zip(List.of("a/__init__.py", "a-1.0.dist-info/METADATA"), 1);

        assertThat(read().entries()).containsExactly("a/__init__.py", "a-1.0.dist-info/METADATA");
        assertThat(ranges).hasSize(1);
    }

    @Test
    void somethingThatIsNotAZipIsMalformedAndAPlainHttpUrlIsRefused() throws Exception {
        wheel = "<html>not a wheel</html>".repeat(100).getBytes(StandardCharsets.UTF_8);

        fetchFailure(this::read, Cause.MALFORMED);
        fetchFailure(() -> new PyPIClient(gateway(), server.url("/")).wheelEntries("p", "1", "p-1-py3-none-any.whl",
                "http://files.example.org/p-1-py3-none-any.whl"), Cause.NOT_CONFIGURED);
        fetchFailure(() -> new PyPIClient(gateway(), server.url("/")).wheelEntries("p", "1", "p-1-py3-none-any.whl",
                "not a url"), Cause.NOT_CONFIGURED);
    }

    @Test
    void onlyTopLevelPthFilesCount() {
        PyPIWheelEntries e = new PyPIWheelEntries("p", "1", "w.whl", List.of("a.pth", "pkg/b.pth", "C.PTH", "d.pth.txt"), true);

        assertThat(e.pthFiles()).containsExactly("a.pth", "C.PTH");
    }
}
