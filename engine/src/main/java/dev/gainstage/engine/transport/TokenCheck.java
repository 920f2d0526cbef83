package dev.gainstage.engine.transport;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Refuses every call that does not carry {@code authorization: Bearer <token>} with the sidecar's token. */
public final class TokenCheck implements ServerInterceptor {
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] expected;

    public TokenCheck(String token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("the token is empty");
        }
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String given = headers.get(AUTHORIZATION);
        // Constant-time comparison: how long a refusal takes says nothing about the token.
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            call.close(
                    Status.UNAUTHENTICATED.withDescription(
                            given == null
                                    ? "this sidecar needs a token: set GAINSTAGE_TOKEN_FILE to the file holding it"
                                    : "wrong token"),
                    new Metadata());
            return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
    }
}
