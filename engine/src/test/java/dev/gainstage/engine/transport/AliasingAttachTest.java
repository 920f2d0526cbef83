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
        AdapterMessage message = taps(new Random(1), 512);
        MethodDescriptor.Marshaller<AdapterMessage> generated =
                AdapterServiceGrpc.getAttachMethod().getRequestMarshaller();
        MethodDescriptor.Marshaller<AdapterMessage> aliasing = aliasing();

        for (int warm = 0; warm < 50; warm++) {
            assertEquals(message, aliasing.parse(new NetworkBytes(message.toByteArray())));
            assertEquals(message, generated.parse(new NetworkBytes(message.toByteArray())));
        }
        int size = message.getSerializedSize();
        long copying = allocatedParsing(generated, message);
        long aliased = allocatedParsing(aliasing, message);
        // The generated parser allocates a copy of each block (its message buffer is reused); the aliasing one reads
        // the message into its thread's buffer and makes views into it: no more bytes, far fewer objects.
        assertTrue(copying > 0.95 * 512 * 1024, "the generated parser copies every block: " + copying + " bytes");
        assertTrue(aliased < 1.2 * size, "one array for the message, views into it: " + aliased + " bytes for " + size);
        assertTrue(aliased < 1.1 * copying, aliased + " bytes against the generated parser's " + copying);
    }

    @Test
    void eachMessageIsReadIntoTheThreadsBufferAndParsedWholeWhateverCameBefore() {
        MethodDescriptor.Marshaller<AdapterMessage> aliasing = aliasing();
        Random random = new Random(2);
        AdapterMessage large = taps(random, 512);
        AdapterMessage small = taps(random, 3);
        AdapterMessage larger = taps(random, 700);
        // a smaller message after a larger one sees none of its bytes; a larger one grows the buffer
        for (AdapterMessage m : java.util.List.of(large, small, large, larger, small)) {
            assertEquals(m, aliasing.parse(new NetworkBytes(m.toByteArray())));
        }
        long again = allocatedParsing(aliasing, larger);
        assertTrue(
                again < larger.getSerializedSize() / 4,
                "the buffer is reused: " + again + " bytes allocated for a message of " + larger.getSerializedSize());
    }

    private static AdapterMessage taps(Random random, int blocks) {
        TapBatch.Builder batch = TapBatch.newBuilder();
        for (int h = 1; h <= blocks; h++) {
            byte[] samples = new byte[1024];
            random.nextBytes(samples);
            batch.addBlocks(TapBlock.newBuilder()
                    .setHandle(h)
                    .setSampleRate(48_000)
                    .setChannels(1)
                    .setFrames(256)
                    .setSamplePosition(random.nextInt(1 << 20))
                    .setSamples(ByteString.copyFrom(samples)));
        }
        return AdapterMessage.newBuilder().setTaps(batch).build();
    }

    @SuppressWarnings("unchecked")
    private static MethodDescriptor.Marshaller<AdapterMessage> aliasing() {
        ServerServiceDefinition service = AliasingAttach.apply(new AdapterService(null).bindService());
        return (MethodDescriptor.Marshaller<AdapterMessage>)
                service.getMethod(AdapterServiceGrpc.getAttachMethod().getFullMethodName())
                        .getMethodDescriptor()
                        .getRequestMarshaller();
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
