package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterServiceGrpc;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapBlock;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AliasingAttachTest {
    @Test
    void tapBlocksAreParsedWithoutCopiesOfTheirOwn() throws Exception {
        TapBatch.Builder batch = TapBatch.newBuilder();
        Random random = new Random(1);
        for (int h = 1; h <= 512; h++) {
            byte[] samples = new byte[1024];
            random.nextBytes(samples);
            batch.addBlocks(TapBlock.newBuilder()
                    .setHandle(h)
                    .setSampleRate(48_000)
                    .setChannels(1)
                    .setFrames(256)
                    .setSamples(ByteString.copyFrom(samples)));
        }
        AdapterMessage message = AdapterMessage.newBuilder().setTaps(batch).build();
        MethodDescriptor.Marshaller<AdapterMessage> generated =
                AdapterServiceGrpc.getAttachMethod().getRequestMarshaller();
        ServerServiceDefinition service = AliasingAttach.apply(new AdapterService(null).bindService());
        @SuppressWarnings("unchecked")
        MethodDescriptor.Marshaller<AdapterMessage> aliasing = (MethodDescriptor.Marshaller<AdapterMessage>)
                service.getMethod(AdapterServiceGrpc.getAttachMethod().getFullMethodName())
                        .getMethodDescriptor()
                        .getRequestMarshaller();

        for (int warm = 0; warm < 50; warm++) {
            assertEquals(message, aliasing.parse(new NetworkBytes(message.toByteArray())));
            assertEquals(message, generated.parse(new NetworkBytes(message.toByteArray())));
        }
        int size = message.getSerializedSize();
        long copying = allocatedParsing(generated, message);
        long aliased = allocatedParsing(aliasing, message);
        // The generated parser allocates a copy of each block (its message buffer is reused); the aliasing one
        // one array for the message and views into it: no more bytes, far fewer objects.
        assertTrue(copying > 0.95 * 512 * 1024, "the generated parser copies every block: " + copying + " bytes");
        assertTrue(aliased < 1.2 * size, "one array for the message, views into it: " + aliased + " bytes for " + size);
        assertTrue(aliased < 1.1 * copying, aliased + " bytes against the generated parser's " + copying);
    }

    /** A message's bytes as gRPC's transport hands them to a parser: a stream that knows its length. */
    private static final class NetworkBytes extends ByteArrayInputStream implements KnownLength {
        NetworkBytes(byte[] bytes) {
            super(bytes);
        }
    }

    private static long allocatedParsing(MethodDescriptor.Marshaller<AdapterMessage> parser, AdapterMessage message) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().threadId();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            // bytes as the network delivers them (the generated parser hands its own stream's message back unparsed)
            InputStream in = new NetworkBytes(message.toByteArray());
            long before = threads.getThreadAllocatedBytes(thread);
            parser.parse(in);
            least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
        }
        return least;
    }
}
