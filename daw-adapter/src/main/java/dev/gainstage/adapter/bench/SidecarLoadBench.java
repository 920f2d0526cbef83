package dev.gainstage.adapter.bench;

import com.google.protobuf.ByteString;
import dev.gainstage.adapter.link.PeriodBacklog;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.adapter.link.TapTable;
import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.FixRequest;
import dev.gainstage.proto.v1.Hello;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.ProtocolError;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.StripKind;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapBlock;
import dev.gainstage.proto.v1.TapPoint;
import dev.gainstage.proto.v1.Warning;
import dev.gainstage.proto.v1.WarningState;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drives a real sidecar (another process, over loopback) with {@code taps} mono 48 kHz taps in
 * 256-frame blocks, paced in real time like a DAW adapter: one batch per period; while the stream is not
 * ready up to {@link PeriodBacklog#MAX_HELD} wait, then the oldest are dropped (and counted). One tap after
 * another steps from -12 to -3 dBFS, and the time from producing the block that completes a warning's 300 ms
 * hold (its wait included) to the warning reaching a Watch stream is the tap-to-warning latency ({@code --cycle S}: every tap turns hot for half of
 * every S seconds instead, for soaks). Prints one line of figures. A benchmark: run it with
 * scripts/bench-sidecar.
 */
public final class SidecarLoadBench {
    static final int RATE = 48_000;
    static final int FRAMES = 256;

    private SidecarLoadBench() {}

    public static void main(String[] args) throws Exception {
        CommandLine cl = CommandLine.parse(
                Arrays.asList(args), Set.of("sidecar", "pid", "taps", "seconds", "step", "warmup", "cycle"), Set.of());
        SidecarAddress address = SidecarAddress.parse(cl.value("sidecar").orElseThrow());
        long pid = Long.parseLong(cl.value("pid", "0"));
        int taps = cl.intValue("taps", 128, 1, 100_000);
        double seconds = cl.doubleValue("seconds", 12, 1, 100_000);
        double step = cl.doubleValue("step", 0.2, 0.01, 100);
        // A sidecar just started compiles its hot paths and sizes its heap in the first seconds
        // (pauses of 40-50 ms were seen); the figures are about the steady state that follows.
        double warmup = cl.doubleValue("warmup", 15, 0, 600);
        // For a soak: every tap turns hot and clean again every `cycle` seconds (staggered), so
        // warnings keep being raised and cleared for the whole run instead of once.
        double cycle = cl.doubleValue("cycle", 0, 0, 3600);
        String key = "bench-" + taps + "-" + System.nanoTime();

        long blocks = Math.round(seconds * RATE / FRAMES);
        long warmupBlocks = Math.round(warmup * RATE / FRAMES);
        long[] sentAt = new long[(int) (warmupBlocks + blocks) + 1];
        ByteString clean = sine(-12);
        ByteString hot = sine(-3);
        CountDownLatch subscribed = new CountDownLatch(1);
        SidecarLink link = new SidecarLink(address, new SidecarLink.Listener() {
            @Override
            public void onConnected(SidecarLink l) {
                l.send(AdapterMessage.newBuilder()
                        .setHello(Hello.newBuilder()
                                .setProtocolVersion(1)
                                .setAdapterName("bench")
                                .setSessionKey(key)
                                .setSessionName(key))
                        .build());
                SessionSnapshot.Builder s = SessionSnapshot.newBuilder().setSequence(1);
                for (int i = 0; i < taps; i++) {
                    s.addStrips(Strip.newBuilder()
                            .setId("t" + i)
                            .setName("Tap " + i)
                            .setKind(StripKind.STRIP_KIND_AUDIO_TRACK)
                            .setChannels(1)
                            .addStages(Stage.newBuilder()
                                    .setId("t" + i + "/source")
                                    .setKind(StageKind.STAGE_KIND_SOURCE)
                                    .setName("Source")
                                    .setActive(true)));
                }
                l.send(AdapterMessage.newBuilder().setSnapshot(s).build());
            }

            @Override
            public void onTaps(TapTable t) {
                subscribed.countDown();
            }

            @Override
            public void onFix(FixRequest fix) {}

            @Override
            public void onError(ProtocolError error) {
                System.err.println("refused: " + error.getMessage());
            }

            @Override
            public void onDisconnected(Status status) {}
        });
        link.connect();
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no tap subscription from " + address);
        }
        int[] handles = new int[taps];
        for (int i = 0; i < taps; i++) {
            handles[i] = link.taps().handle("t" + i + "/source", TapPoint.TAP_POINT_OUTPUT);
        }

        List<Double> latencies = new ArrayList<>();
        ManagedChannel watchChannel = address.channel();
        PanelServiceGrpc.newStub(watchChannel)
                .watch(
                        WatchRequest.newBuilder()
                                .setSessionKey(key)
                                .setMaxRateHz(60)
                                .build(),
                        new StreamObserver<>() {
                            @Override
                            public void onNext(SessionView v) {
                                long now = System.nanoTime();
                                for (Warning w : v.getEventsList()) {
                                    if (w.getRule() == Rule.SOURCE_TOO_HOT
                                            && w.getState() == WarningState.WARNING_STATE_RAISED) {
                                        // The sidecar's clock counts the frames it received: the n-th batch sent.
                                        int block = (int) Math.round(w.getFirstSeenSeconds() * RATE / FRAMES) - 1;
                                        // the warm-up's warnings are not measured
                                        if (block >= warmupBlocks && block < sentAt.length && sentAt[block] != 0) {
                                            synchronized (latencies) {
                                                latencies.add((now - sentAt[block]) / 1e6);
                                            }
                                        }
                                    }
                                }
                            }

                            @Override
                            public void onError(Throwable t) {}

                            @Override
                            public void onCompleted() {}
                        });

        // Like the adapters: a few periods wait while the stream is full, then the oldest are dropped. A period's
        // latency counts from when it was produced, its wait included.
        int[] sent = {0};
        long[] droppedPeriods = {0};
        PeriodBacklog backlog = new PeriodBacklog(link, new PeriodBacklog.Outcome() {
            @Override
            public void sent(PeriodBacklog.Period p) {
                sentAt[sent[0]++] = p.producedNanos();
            }

            @Override
            public void dropped(PeriodBacklog.Period p) {
                droppedPeriods[0]++;
            }
        });
        long warmupStart = System.nanoTime();
        // The warm-up raises warnings too, on taps from the end of the list that the measured run does not heat: the
        // paths that judge, word and send a warning are compiled before the measured run, not during it (they
        // were: the JIT then took about a third of the sidecar's measured CPU).
        int warmHot = (int) Math.min(taps / 4, Math.max(0, (warmup - 1.0) / step));
        for (long b = 0; b < warmupBlocks; b++) {
            double t = b * (double) FRAMES / RATE;
            backlog.add(
                    batch(handles, b, i -> taps - 1 - i < warmHot && t >= 1.0 + (taps - 1 - i) * step ? hot : clean)
                            .build(),
                    System.nanoTime());
            backlog.waitUntil(due(warmupStart, b));
        }
        double cpuBefore = cpuSeconds(pid);
        double jitBefore = jitCpuSeconds(pid);
        long self = ProcessHandle.current().pid();
        double senderCpuBefore = cpuSeconds(self);
        long droppedInWarmup = droppedPeriods[0];
        long start = System.nanoTime();
        for (long b = 0; b < blocks; b++) {
            double t = b * (double) FRAMES / RATE;
            TapBatch.Builder batch = batch(
                    handles,
                    warmupBlocks + b,
                    cycle > 0
                            ? i -> (t + cycle * i / taps) % cycle >= cycle / 2 ? hot : clean
                            : i -> taps - 1 - i < warmHot || t >= 2.0 + i * step
                                    ? hot
                                    : clean); // tap i goes hot at 2 s + i x step; those heated in the warm-up stay hot
            backlog.add(batch.build(), System.nanoTime());
            backlog.waitUntil(due(start, b));
        }
        long dropped = (droppedPeriods[0] - droppedInWarmup) * taps;
        double wall = (System.nanoTime() - start) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double cpu = cpuSeconds(pid) - cpuBefore;
        double jit = jitCpuSeconds(pid) - jitBefore;
        double senderCpu = cpuSeconds(self) - senderCpuBefore;
        Thread.sleep(500);
        double[] l;
        synchronized (latencies) {
            l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        System.out.printf(
                Locale.ROOT,
                "taps %5d  warm-up %.0f s  audio %5.1f s  wall %5.1f s  dropped %7d of %9d  sidecar cpu %5.1f%% of %d cores (JIT %4.1f%%; sender %4.1f%%)  "
                        + "%.1f us per block received  rss %6.0f MB  latency n=%d p50 %s p99 %s max %s%n",
                taps,
                warmup,
                seconds,
                wall,
                dropped,
                blocks * taps,
                pid > 0 ? 100 * cpu / wall / cores : Double.NaN,
                cores,
                pid > 0 ? 100 * jit / wall / cores : Double.NaN,
                100 * senderCpu / wall / cores,
                // the sidecar's cost per block, whatever it dropped: what a quiet machine's CPU figure would be
                pid > 0 && blocks * taps > dropped ? 1e6 * cpu / (blocks * taps - dropped) : Double.NaN,
                rssMb(pid),
                l.length,
                ms(l, 0.5),
                ms(l, 0.99),
                ms(l, 1.0));
        link.close();
        watchChannel.shutdownNow();
        System.exit(0);
    }

    private static TapBatch.Builder batch(
            int[] handles, long block, java.util.function.IntFunction<ByteString> samples) {
        TapBatch.Builder batch = TapBatch.newBuilder();
        for (int i = 0; i < handles.length; i++) {
            batch.addBlocks(TapBlock.newBuilder()
                    .setHandle(handles[i])
                    .setSampleRate(RATE)
                    .setChannels(1)
                    .setFrames(FRAMES)
                    .setSamplePosition(block * FRAMES)
                    .setSamples(samples.apply(i)));
        }
        return batch;
    }

    /** When block {@code b + 1} is due, {@code start} being when block 0 was. */
    private static long due(long start, long b) {
        return start + Math.round((b + 1) * 1e9 * FRAMES / RATE);
    }

    private static String ms(double[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        int i = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f ms", sorted[Math.max(0, i)]);
    }

    private static ByteString sine(double peakDbfs) {
        ByteBuffer b = ByteBuffer.allocate(FRAMES * 4).order(ByteOrder.LITTLE_ENDIAN);
        double a = Math.pow(10, peakDbfs / 20);
        for (int i = 0; i < FRAMES; i++) {
            b.putFloat((float) (a * Math.sin(2 * Math.PI * 1500 * i / RATE))); // 1500 Hz: 256 frames hold whole cycles
        }
        return ByteString.copyFrom(b.flip());
    }

    /** User plus system CPU seconds of a process, from /proc. */
    private static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            return statCpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds of the sidecar's JIT compiler threads, part of {@link #cpuSeconds}: a sidecar's first minutes
     * compile the code its ticks and warnings run (tens of calls a second reach C2's thresholds only after minutes),
     * which the figures of a steady state should be read without. A compiler thread that ended took its time with it
     * (the JVM adds and removes them with the load); on two cores the JVM keeps its only C1 and C2 threads.
     */
    private static double jitCpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        double seconds = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                    seconds += statCpuSeconds(stat);
                }
            }
        } catch (Exception e) {
            return Double.NaN; // a thread that ended while listed, or no /proc: no figure rather than a wrong one
        }
        return seconds;
    }

    /** User and system time of a /proc stat line (a process's or a thread's), in seconds. */
    private static double statCpuSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (100 Hz)
    }

    private static double rssMb(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
