package dev.hardening.auditor.core.http.internal;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Refuses response bodies above a cap: at once when Content-Length says so, otherwise as soon as
 * more bytes than the cap have been read, so a huge or endless body never fills memory.
 *
 * <p>A refused call is cancelled before its body is closed: closing it normally would make OkHttp
 * read and discard the rest of the body (for up to 100 ms) to reuse the connection.
 */
public final class ResponseSizeLimitInterceptor implements Interceptor {
    private final long maxBytes;

    /** A request tag that sets another cap for one request (a full npm packument, a published artifact). */
    public record Limit(long bytes) {
    }

    public ResponseSizeLimitInterceptor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Limit limit = chain.request().tag(Limit.class);
        long maxBytes = limit != null && limit.bytes() > 0 ? limit.bytes() : this.maxBytes;
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        String host = chain.request().url().host();
        long declared = body.contentLength();
        if (declared > maxBytes) {
            chain.call().cancel();
            response.close();
            throw new ResponseTooLargeException(host, maxBytes);
        }
        BufferedSource limited = Okio.buffer(new LimitedSource(body.source(), maxBytes, host, chain.call()));
        ResponseBody wrapped = ResponseBody.create(limited, body.contentType(), declared);
        return response.newBuilder().body(wrapped).build();
    }

    private static final class LimitedSource extends ForwardingSource {
        private final long max;
        private final String host;
        private final Call call;
        private long read;

        LimitedSource(Source delegate, long max, String host, Call call) {
            super(delegate);
            this.max = max;
            this.host = host;
            this.call = call;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long n = super.read(sink, byteCount);
            if (n > 0) {
                read += n;
                if (read > max) {
                    call.cancel();
                    throw new ResponseTooLargeException(host, max);
                }
            }
            return n;
        }
    }
}
