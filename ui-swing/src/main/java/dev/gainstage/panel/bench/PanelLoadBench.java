package dev.gainstage.panel.bench;

import com.formdev.flatlaf.FlatDarkLaf;
import dev.gainstage.panel.PanelActions;
import dev.gainstage.panel.PanelFrame;
import dev.gainstage.panel.PanelModel;
import dev.gainstage.proto.v1.ChannelLevels;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.DeliveryTargetView;
import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.MasterLoudness;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import dev.gainstage.proto.v1.StripKind;
import dev.gainstage.proto.v1.Warning;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/**
 * The panel under load, in a real window: {@code strips} x {@code stages} levels changing at 30 Hz,
 * handed to the EDT the way the controller does (latest view only, one hand-over queued at most).
 * Prints the frames drawn per second and the EDT's task durations (longest, p99). Run it with
 * scripts/bench-panel; it is a benchmark, never a test.
 */
public final class PanelLoadBench {
    static final double WARMUP_SECONDS = 3;

    private PanelLoadBench() {}

    /** Times every event the EDT dispatches. */
    static final class TimingQueue extends EventQueue {
        final long[] nanos = new long[2_000_000];
        int count;
        long longest;
        String longestEvent = "";

        @Override
        protected void dispatchEvent(AWTEvent event) {
            long t0 = System.nanoTime();
            super.dispatchEvent(event);
            long took = System.nanoTime() - t0;
            if (count < nanos.length) {
                nanos[count++] = took;
            }
            if (took > longest) {
                longest = took;
                longestEvent = event.paramString() + " from " + event.getSource();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int strips = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int stages = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        TimingQueue queue = new TimingQueue();
        Toolkit.getDefaultToolkit().getSystemEventQueue().push(queue);
        PanelModel model = new PanelModel();
        PanelActions actions = new PanelActions(
                model, InProcessChannelBuilder.forName("unused").build());
        PanelFrame[] frame = new PanelFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            FlatDarkLaf.setup();
            frame[0] = new PanelFrame(model, actions);
            frame[0].setSize(1400, 1000);
            frame[0].setVisible(true);
        });
        Thread.sleep(1000);
        AtomicReference<SessionView> latest = new AtomicReference<>();
        AtomicBoolean queued = new AtomicBoolean();
        // The first seconds of load warm up the JIT and Swing's caches; they are run, then not counted.
        long warmupFrames = Math.round(WARMUP_SECONDS * 30);
        long paintsBefore = 0;
        long start = System.nanoTime();
        long frames = warmupFrames + Math.round(seconds * 30);
        for (long f = 0; f < frames; f++) {
            if (f == warmupFrames) {
                SwingUtilities.invokeAndWait(() -> {
                    queue.count = 0;
                    queue.longest = 0;
                });
                paintsBefore = onEdt(() -> frame[0].overview().paints());
                start = System.nanoTime() - Math.round(f * 1e9 / 30);
            }
            latest.set(view(strips, stages, f));
            if (queued.compareAndSet(false, true)) {
                SwingUtilities.invokeLater(() -> {
                    queued.set(false);
                    model.setView(latest.get());
                });
            }
            long due = start + Math.round((f + 1) * 1e9 / 30);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        SwingUtilities.invokeAndWait(() -> {});
        double elapsed = (System.nanoTime() - start) / 1e9 - WARMUP_SECONDS;
        long paints = onEdt(() -> frame[0].overview().paints()) - paintsBefore;
        long[] tasks;
        int n;
        synchronized (queue) {
            n = queue.count;
            tasks = Arrays.copyOf(queue.nanos, n);
        }
        Arrays.sort(tasks);
        System.out.printf(
                Locale.ROOT,
                "panel: %d strips x %d stages, %.1f s at 30 views/s (after %.0f s of warm-up)%n",
                strips,
                stages,
                elapsed,
                WARMUP_SECONDS);
        System.out.printf(Locale.ROOT, "overview frames drawn: %d (%.1f fps)%n", paints, paints / elapsed);
        System.out.printf(
                Locale.ROOT,
                "EDT tasks: %d, median %.2f ms, p99 %.2f ms, longest %.2f ms%n",
                n,
                tasks[n / 2] / 1e6,
                tasks[(int) (n * 0.99)] / 1e6,
                tasks[n - 1] / 1e6);
        if (System.getenv("BENCH_VERBOSE") != null) {
            System.out.println("longest: " + queue.longestEvent);
        }
        SwingUtilities.invokeAndWait(() -> frame[0].dispose());
        System.exit(0);
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.set(c.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return r.get();
    }

    /** The levels with a bar per channel for a stereo stage (the right channel 3 dB below the left). */
    private static Levels.Builder channels(Levels.Builder levels, int channels, double level) {
        for (int c = 0; c < channels && channels > 1; c++) {
            levels.addChannels(ChannelLevels.newBuilder()
                    .setSamplePeakDbfs(level - 3 * c)
                    .setPeakHoldDbfs(level + 2 - 3 * c)
                    .setTruePeakHoldDbtp(level + 2.3 - 3 * c));
        }
        return levels;
    }

    /** A session whose levels move every frame (every other strip stereo), the master section full, a few warnings. */
    static SessionView view(int strips, int stages, long frame) {
        SessionView.Builder v = SessionView.newBuilder()
                .setSessionKey("bench")
                .setSessionName("bench")
                .setAudioTimeSeconds(frame / 30.0);
        for (int s = 0; s < strips; s++) {
            OverviewRow.Builder row = OverviewRow.newBuilder()
                    .setStripId("s" + s)
                    .setName("Strip " + s)
                    .setKind(s == strips - 1 ? StripKind.STRIP_KIND_MASTER : StripKind.STRIP_KIND_AUDIO_TRACK)
                    .addOutputs(s == strips - 1 ? "" : "s" + (strips - 1));
            for (int k = 0; k < stages; k++) {
                double level = -30 + 25 * Math.sin((frame + s * 7 + k * 3) / 10.0);
                StagingState state = level > 0
                        ? StagingState.STAGING_STATE_CLIPPING
                        : level > -6 ? StagingState.STAGING_STATE_HOT : StagingState.STAGING_STATE_IN_RANGE;
                row.addStages(StageView.newBuilder()
                        .setStageId("s" + s + "/" + k)
                        .setName("Stage " + k)
                        .setKind(k == 0 ? StageKind.STAGE_KIND_SOURCE : StageKind.STAGE_KIND_PLUGIN)
                        .setActive(true)
                        .setState(state)
                        .setInput(
                                Levels.newBuilder().setSamplePeakDbfs(level - 1).setHasSignal(true))
                        .setOutput(channels(
                                Levels.newBuilder()
                                        .setSamplePeakDbfs(level)
                                        .setPeakHoldDbfs(level + 2)
                                        .setShortTermLufs(level - 8)
                                        .setHasSignal(true),
                                s % 2 == 0 ? 2 : 1,
                                level))
                        .setGainDeltaDb(0.5));
            }
            v.addRows(row);
        }
        MasterLoudness.Builder master = MasterLoudness.newBuilder()
                .setStageId("s" + (strips - 1) + "/" + (stages - 1))
                .setMomentaryLufs(-14 + 3 * Math.sin(frame / 7.0))
                .setShortTermLufs(-14 + Math.sin(frame / 30.0))
                .setIntegratedLufs(-14.2)
                .setLoudnessRangeLu(6.1)
                .setTruePeakDbtp(-0.8)
                .setSamplePeakDbfs(-1.1)
                .setMeasuredSeconds(frame / 30.0)
                .setTarget(DeliveryTargetView.newBuilder()
                        .setPreset(DeliveryPreset.DELIVERY_PRESET_STREAMING)
                        .setDescription("Streaming: -14 LUFS \u00B11 LU, true peak \u2264 -1 dBTP")
                        .setLoudnessLufs(-14)
                        .setToleranceLu(1)
                        .setTruePeakCeilingDbtp(-1))
                .setHistoryStepSeconds(1)
                .setHistoryEndSeconds(frame / 30.0);
        for (int p = 0; p < 600; p++) { // a full history: ten minutes of points
            master.addHistoryShortTermLufs(-14 + 4 * Math.sin((p + frame / 30) / 20.0));
        }
        v.setMaster(master);
        for (int w = 0; w < 8; w++) {
            v.addWarnings(Warning.newBuilder()
                    .setId("w" + w)
                    .setRule(Rule.PLUGIN_OUTPUT_HOT)
                    .setSeverity(Severity.SEVERITY_CRITICAL)
                    .setStageId("s" + w + "/1")
                    .setMessage("Strip " + w + " is hot")
                    .setSuggestion("lower it"));
        }
        return v.build();
    }
}
