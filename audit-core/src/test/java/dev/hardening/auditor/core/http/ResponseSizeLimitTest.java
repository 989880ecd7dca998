package dev.hardening.auditor.core.http;

import static dev.hardening.auditor.core.http.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies above the cap are refused: at once when declared, as soon as the cap is passed otherwise. */
class ResponseSizeLimitTest {
    private static final long CAP = 64 * 1024;
    private final MockWebServer server = new MockWebServer();
    private final TestHttp http = new TestHttp(TestHttp.settings().withMaxResponseBytes(CAP), List.of());

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A body of {@code size} bytes written in 64 KiB blocks as the client reads, counting what got out. */
    private static final class EndlessBody implements MockResponseBody {
        final AtomicLong written = new AtomicLong();
        private final long size;
        private final long declared;
        private final boolean chunked;

        EndlessBody(long size, boolean declareLength) {
            this(size, declareLength, false);
        }

        /** With {@code chunked}, frames the blocks itself as HTTP/1.1 chunks (send Transfer-Encoding too). */
        EndlessBody(long size, boolean declareLength, boolean chunked) {
            this.size = size;
            this.declared = declareLength ? size : -1;
            this.chunked = chunked;
        }

        @Override
        public long getContentLength() {
            return declared;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) 'a');
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(block.length, left);
                if (chunked) {
                    sink.writeUtf8(Integer.toHexString(n)).writeUtf8("\r\n");
                }
                sink.write(block, 0, n);
                if (chunked) {
                    sink.writeUtf8("\r\n");
                }
                sink.flush();
                written.addAndGet(n);
                left -= n;
            }
            if (chunked) {
                sink.writeUtf8("0\r\n\r\n").flush();
            }
        }
    }

    @Test
    void bodyAtTheCapIsAccepted() throws Exception {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[(int) CAP])).build());

        assertThat(http.gateway().get(get(server.url("/big"))).body()).hasSize((int) CAP);
    }

    @Test
    void declaredContentLengthAboveTheCapIsRefusedWithoutReadingTheBody() throws Exception {
        EndlessBody body = new EndlessBody(100L * 1024 * 1024, true);
        server.enqueue(new MockResponse.Builder().body(body).build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/big"))));

        assertThat(e.cause()).isEqualTo(Cause.TOO_LARGE);
        assertThat(e.unavailability().reason()).contains("more than " + CAP + " bytes", "GET /big");
        // Only what fits in the socket buffers was written before the client hung up.
        assertThat(body.written.get()).isLessThan(8L * 1024 * 1024);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void chunkedBodyLargerThanTheCapIsRefused() throws Exception {
        Buffer twice = new Buffer().write(new byte[(int) (2 * CAP)]);
        server.enqueue(new MockResponse.Builder().chunkedBody(twice, 4096).build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/chunked"))));

        assertThat(e.cause()).isEqualTo(Cause.TOO_LARGE);
        // Refused while reading: not a retryable failure.
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(http.sleeper.waits()).isEmpty();
    }

    @Test
    void endlessChunkedBodyIsRefusedWithoutDrainingTheRest() throws Exception {
        EndlessBody body = new EndlessBody(100L * 1024 * 1024, false, true);
        server.enqueue(new MockResponse.Builder().addHeader("Transfer-Encoding", "chunked").body(body).build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/chunked"))));

        assertThat(e.cause()).isEqualTo(Cause.TOO_LARGE);
        assertThat(body.written.get()).isLessThan(8L * 1024 * 1024);
    }

    @Test
    void hundredMegabyteStreamIsRefusedQuicklyWithBoundedMemory() throws Exception {
        EndlessBody body = new EndlessBody(100L * 1024 * 1024, false);
        server.enqueue(new MockResponse.Builder().body(body).build());

        long start = System.nanoTime();
        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/stream"))));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.cause()).isEqualTo(Cause.TOO_LARGE);
        assertThat(millis).isLessThan(5_000);
        assertThat(body.written.get()).as("bytes the server got out before the client stopped reading")
                .isLessThan(8L * 1024 * 1024);
    }

    @Test
    void capAppliesToTheDecompressedSizeOfAGzipBody() throws Exception {
        // 8 MiB of zeros compress to a few KiB: a decompression bomb in miniature.
        Buffer zeros = new Buffer().write(new byte[8 * 1024 * 1024]);
        Buffer gzipped = new Buffer();
        try (okio.BufferedSink gz = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
            gz.writeAll(zeros);
        }
        assertThat(gzipped.size()).isLessThan(CAP);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").body(gzipped).build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/bomb"))));

        assertThat(e.cause()).isEqualTo(Cause.TOO_LARGE);
    }
}
