package dev.gainstage.engine.transport;

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
 * decoder then copies it once more into the meter's floats; now the message is read once into one array
 * of its own and decoded from there: one copy fewer per block, the same bytes allocated, in one array
 * instead of one per block. Safe because nothing writes the array: it is this message's alone.
 */
final class AliasingAttach implements MethodDescriptor.Marshaller<AdapterMessage> {
    private final MethodDescriptor.Marshaller<AdapterMessage> generated;

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

    /** gRPC's message streams know their length (its own parser relies on it): one array, no regrowing. */
    private static byte[] readAll(InputStream in) throws IOException {
        byte[] known = new byte[in.available()];
        int got = in.readNBytes(known, 0, known.length);
        if (got < known.length) {
            throw new IOException("the message ended after " + got + " of its " + known.length + " bytes");
        }
        int next = in.read();
        if (next == -1) {
            return known;
        }
        byte[] rest = in.readAllBytes(); // a stream that did not say its length
        byte[] all = new byte[known.length + 1 + rest.length];
        System.arraycopy(known, 0, all, 0, known.length);
        all[known.length] = (byte) next;
        System.arraycopy(rest, 0, all, known.length + 1, rest.length);
        return all;
    }

    @Override
    public InputStream stream(AdapterMessage value) {
        return generated.stream(value);
    }

    @Override
    public AdapterMessage parse(InputStream in) {
        try {
            // Wrapped as an immutable ByteString: protobuf aliases only input it was told nobody changes.
            CodedInputStream coded =
                    UnsafeByteOperations.unsafeWrap(readAll(in)).newCodedInput();
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
