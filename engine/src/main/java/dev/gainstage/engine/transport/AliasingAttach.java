package dev.gainstage.engine.transport;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * The Attach stream's messages parsed with aliasing: a tap block's samples stay a view of the message's
 * bytes instead of a copy of their own. gRPC's parser reads a message into a reused buffer and copies
 * every block (1 KB per mono period) out of it (half of all the sidecar allocated under load), and the
 * decoder then copies it once more into the meter's floats; now the message is read once into an array
 * and decoded from there: one copy fewer per block.
 *
 * <p>The array is the reading thread's, reused for its next message (a fresh one per message was 60 % of all the
 * sidecar allocated at 512 taps: 100 MB/s, a young collection every 70 ms). Safe because gRPC parses a stream's
 * message and hands it to {@code onNext} on the same thread before it reads the next, and a message's bytes are used
 * only while {@link AdapterConnection} handles it: tap samples are decoded into the meters' floats within
 * {@code onTaps}, and every other field is a number or a string (decoded into a {@code String} of its own). Nothing
 * may keep a message's {@code bytes} fields past its {@code onNext}.
 */
final class AliasingAttach implements MethodDescriptor.Marshaller<AdapterMessage> {
    private final MethodDescriptor.Marshaller<AdapterMessage> generated;
    /** Grown to the largest message the thread has read; the thread's next message is read into it. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[0]);

    private AliasingAttach(MethodDescriptor.Marshaller<AdapterMessage> generated) {
        this.generated = generated;
    }

    /** {@code service} with its Attach method's requests parsed by this marshaller. */
    static ServerServiceDefinition apply(ServerServiceDefinition service) {
        String attach = AdapterServiceGrpc.getAttachMethod().getFullMethodName();
        ServerServiceDefinition.Builder b =
                ServerServiceDefinition.builder(service.getServiceDescriptor().getName());
        for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
            if (m.getMethodDescriptor().getFullMethodName().equals(attach)) {
                b.addMethod(aliased(cast(m)));
            } else {
                b.addMethod(m);
            }
        }
        return b.build();
    }

    @SuppressWarnings("unchecked") // the method named Attach is the generated one, of AdapterMessage requests
    private static <R> ServerMethodDefinition<AdapterMessage, R> cast(ServerMethodDefinition<?, R> m) {
        return (ServerMethodDefinition<AdapterMessage, R>) m;
    }

    private static <R> ServerMethodDefinition<AdapterMessage, R> aliased(ServerMethodDefinition<AdapterMessage, R> m) {
        MethodDescriptor<AdapterMessage, R> d = m.getMethodDescriptor();
        MethodDescriptor<AdapterMessage, R> aliasing = d.toBuilder(
                        new AliasingAttach(d.getRequestMarshaller()), d.getResponseMarshaller())
                .build();
        return ServerMethodDefinition.create(aliasing, m.getServerCallHandler());
    }

    /**
     * The message's bytes, in the thread's buffer when they fit it. gRPC's message streams know their length (its own
     * parser relies on it): one read, no regrowing.
     */
    private static ByteString readAll(InputStream in) throws IOException {
        int length = in.available();
        byte[] buffer = BUFFER.get();
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length + buffer.length / 2)];
            BUFFER.set(buffer);
        }
        int got = in.readNBytes(buffer, 0, length);
        if (got < length) {
            throw new IOException("the message ended after " + got + " of its " + length + " bytes");
        }
        int next = in.read();
        if (next == -1) {
            // Wrapped as an immutable ByteString: protobuf aliases only input it was told nobody changes.
            return UnsafeByteOperations.unsafeWrap(buffer, 0, length);
        }
        byte[] rest = in.readAllBytes(); // a stream that did not say its length: an array of its own
        byte[] all = new byte[length + 1 + rest.length];
        System.arraycopy(buffer, 0, all, 0, length);
        all[length] = (byte) next;
        System.arraycopy(rest, 0, all, length + 1, rest.length);
        return UnsafeByteOperations.unsafeWrap(all);
    }

    @Override
    public InputStream stream(AdapterMessage value) {
        return generated.stream(value);
    }

    @Override
    public AdapterMessage parse(InputStream in) {
        try {
            CodedInputStream coded = readAll(in).newCodedInput();
            coded.enableAliasing(true);
            return AdapterMessage.parseFrom(coded, ExtensionRegistryLite.getEmptyRegistry());
        } catch (InvalidProtocolBufferException e) {
            throw Status.INTERNAL
                    .withDescription("invalid protobuf message: " + e.getMessage())
                    .withCause(e)
                    .asRuntimeException();
        } catch (IOException e) {
            throw Status.INTERNAL
                    .withDescription("cannot read the message: " + e.getMessage())
                    .withCause(e)
                    .asRuntimeException();
        }
    }
}
